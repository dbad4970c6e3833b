package org.countersign.web.admin.signin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.countersign.api.admin.AdminAccountService;
import org.countersign.api.settings.SettingsService;
import org.countersign.web.admin.ConsoleMessages;

/** The sign-in page: login, password, passcode. Every refusal shows the same message. */
@Named
@RequestScoped
public class SignInView {

    /** Minutes of inactivity after which a console session ends; default 15. */
    public static final String SESSION_TIMEOUT_KEY = "console.session-timeout-minutes";
    private static final int DEFAULT_TIMEOUT_MINUTES = 15;

    @Inject
    private SecurityContext security;

    @EJB
    private AdminAccountService accounts;

    @EJB
    private SettingsService settings;

    private String login;
    private String password;
    private String passcode;

    /** The page's view action: nobody can sign in before the first administrator exists, so that leads to the setup. */
    public String checkSetup() {
        return accounts.setupRequired() ? "/setup/first-administrator?faces-redirect=true" : null;
    }

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        ConsoleCredential credential = new ConsoleCredential(login, password == null ? null : password.toCharArray(), passcode,
                request.getRemoteAddr());
        password = null;
        AuthenticationStatus status = security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> {
                startSession(request);
                faces.responseComplete();
            }
            case SUCCESS -> {
                startSession(request);
                external.redirect(external.getRequestContextPath() + "/");
            }
            default -> {
                passcode = null;
                ConsoleMessages.error(null, "signin.refused");
            }
        }
    }

    private void startSession(HttpServletRequest request) {
        request.changeSessionId(); // no session fixation: the signed-in session gets a new id
        int minutes = settings.find(SESSION_TIMEOUT_KEY).map(SignInView::minutes).orElse(DEFAULT_TIMEOUT_MINUTES);
        request.getSession().setMaxInactiveInterval(minutes * 60);
    }

    private static int minutes(String value) {
        try {
            int m = Integer.parseInt(value.strip());
            return m >= 1 && m <= 24 * 60 ? m : DEFAULT_TIMEOUT_MINUTES;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_MINUTES;
        }
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasscode() {
        return null;
    }

    public void setPasscode(String passcode) {
        this.passcode = passcode;
    }
}
