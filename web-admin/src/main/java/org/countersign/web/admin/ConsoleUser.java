package org.countersign.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;

/**
 * Who is signed in to the console, for the template (header, menu per role) and for beans that
 * need the actor's name for the audit trail. Roles come from the container (Jakarta Security).
 */
@Named
@RequestScoped
public class ConsoleUser {

    /** Sees and changes everything. */
    public static final String ADMINISTRATOR = "ADMINISTRATOR";
    /** Sees the dashboard and the users only. */
    public static final String HELPDESK = "HELPDESK";

    private ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    /** @return whether someone is signed in */
    public boolean isSignedIn() {
        return external().getUserPrincipal() != null;
    }

    /** @return the signed-in login, the actor of every audit record this console writes; {@code null} when nobody is signed in */
    public String getLogin() {
        Principal principal = external().getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isAdministrator() {
        return external().isUserInRole(ADMINISTRATOR);
    }

    /** @return whether the user may open the helpdesk pages (administrators may too) */
    public boolean isHelpdesk() {
        return isAdministrator() || external().isUserInRole(HELPDESK);
    }

    /** @return the message key of the highest role held, for the header */
    public String getRoleKey() {
        return isAdministrator() ? "console.role." + ADMINISTRATOR : "console.role." + HELPDESK;
    }

    /** @return the remote address of this request, for the audit trail */
    public String getAddress() {
        return ((HttpServletRequest) external().getRequest()).getRemoteAddr();
    }

    /** Signs out: ends the container login and the session, then goes to the sign-in page. */
    public void signOut() throws IOException, ServletException {
        ExternalContext external = external();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }
}
