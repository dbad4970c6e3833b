package org.countersign.web.admin.setup;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.countersign.api.admin.AdminAccountException;
import org.countersign.api.admin.AdminAccountService;
import org.countersign.api.admin.AdminRole;
import org.countersign.api.admin.NewAdministrator;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.api.token.VerificationOutcome;
import org.countersign.web.admin.ConsoleMessages;
import org.countersign.web.admin.Enrolments;

/**
 * The first page of a fresh server: setup key, the first administrator's login and password, then
 * its TOTP by QR code and the first code. Open to anyone, but only while no administrator exists.
 */
@Named
@ViewScoped
public class FirstAdministratorView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient AdminAccountService accounts;

    private String setupKey;
    private String login;
    private String displayName;
    private String mail;
    private transient String password;
    private transient String confirmation;
    private String code;
    private String keyUri;
    private String qrDataUri;
    private boolean done;
    private String keyLocation;

    /** View action: once an administrator exists this page leads to the sign-in. */
    public String check() {
        if (!done && !accounts.setupRequired()) {
            return "/login?faces-redirect=true";
        }
        keyLocation = accounts.setupKeyLocation();
        return null;
    }

    public void begin() {
        if (password == null || !password.equals(confirmation)) {
            ConsoleMessages.error("first:confirmation", "setup.admin.passwordsDiffer");
            return;
        }
        try {
            SoftTokenEnrolment enrolment = accounts.beginFirstAdministrator(setupKey,
                    new NewAdministrator(login, displayName, password.toCharArray(), mail, AdminRole.ADMINISTRATOR), address());
            keyUri = enrolment.keyUri();
            qrDataUri = Enrolments.qrDataUri(enrolment);
        } catch (AdminAccountException e) {
            switch (e.code()) {
                case "BAD_SETUP_KEY" -> ConsoleMessages.error("first:setupKey", "setup.admin.badKey");
                case "LOGIN_TAKEN" -> ConsoleMessages.error("first:login", "setup.admin.loginTaken");
                case "SETUP_DONE" -> ConsoleMessages.error(null, "setup.admin.alreadyDone");
                default -> ConsoleMessages.errorText(null, e.getMessage());
            }
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public void activate() {
        VerificationOutcome outcome = accounts.activate(login, code, new AttemptSource("admin", "admin-console", address()));
        code = null;
        if (outcome.accepted()) {
            done = true;
            keyUri = null;
            qrDataUri = null;
        } else {
            ConsoleMessages.error("activate:code", "setup.admin.wrongCode");
        }
    }

    /** @return the secret in the key URI, for typing into an app that cannot scan */
    public String getSecret() {
        return Enrolments.secretOf(keyUri);
    }

    private static String address() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    public boolean isEnrolling() {
        return keyUri != null;
    }

    public boolean isDone() {
        return done;
    }

    public String getKeyLocation() {
        return keyLocation;
    }

    public String getKeyUri() {
        return keyUri;
    }

    public String getQrDataUri() {
        return qrDataUri;
    }

    public String getSetupKey() {
        return setupKey;
    }

    public void setSetupKey(String setupKey) {
        this.setupKey = setupKey;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getMail() {
        return mail;
    }

    public void setMail(String mail) {
        this.mail = mail;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return null;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
