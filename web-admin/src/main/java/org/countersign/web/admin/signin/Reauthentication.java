package org.countersign.web.admin.signin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.countersign.api.admin.AdminAccountService;
import org.countersign.api.token.AttemptSource;
import org.countersign.web.admin.ConsoleMessages;

/**
 * Re-authentication before one sensitive action (helpdesk actions that change a user's factor).
 * The composite {@code <cs:reauth>} asks for a fresh passcode of the agent's own TOTP and validates it
 * here; an accepted passcode grants exactly one action within {@link #VALIDITY}, which the action
 * takes with {@link #consume()}. See web-admin/README.md.
 */
@Named
@SessionScoped
public class Reauthentication implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How long an accepted passcode stays good for its one action. */
    public static final Duration VALIDITY = Duration.ofMinutes(2);

    @EJB
    private transient AdminAccountService accounts;

    private Instant grantedUntil;

    /** Faces validator of the passcode field: checks it with the account's own TOTP; on success grants one action. */
    public void validatePasscode(FacesContext faces, UIComponent component, Object value) {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String login = faces.getExternalContext().getRemoteUser();
        boolean accepted = login != null && value != null
                && accounts.reauthenticate(login, value.toString(), new AttemptSource("admin", "admin-console", request.getRemoteAddr())).accepted();
        if (!accepted) {
            grantedUntil = null;
            String text = ConsoleMessages.text("reauth.refused");
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        grantedUntil = Instant.now().plus(VALIDITY);
    }

    /**
     * Takes the grant for one action. Call it first in the action method; when it returns false, do nothing
     * (a page message asks for the passcode).
     *
     * @return whether a fresh passcode was accepted for this action
     */
    public boolean consume() {
        boolean granted = grantedUntil != null && Instant.now().isBefore(grantedUntil);
        grantedUntil = null;
        if (!granted) {
            ConsoleMessages.error(null, "reauth.required");
        }
        return granted;
    }
}
