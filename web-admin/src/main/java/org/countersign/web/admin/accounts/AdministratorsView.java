package org.countersign.web.admin.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.countersign.api.admin.AdminAccountException;
import org.countersign.api.admin.AdminAccountService;
import org.countersign.api.admin.AdminRole;
import org.countersign.api.admin.AdministratorView;
import org.countersign.api.admin.NewAdministrator;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.web.admin.ConsoleMessages;
import org.countersign.web.admin.ConsoleUser;
import org.countersign.web.admin.Enrolments;

/**
 * Console accounts: the list, a new account (its authenticator app set up by QR code, shown once, and activated with
 * the first code from it while its owner is at hand), role changes and removal, each confirmed.
 */
@Named
@ViewScoped
public class AdministratorsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

    @EJB
    private transient AdminAccountService accounts;

    @Inject
    private ConsoleUser user;

    private List<AdministratorView> list;

    // the account being added
    private boolean adding;
    private String login;
    private String displayName;
    private String mail;
    private AdminRole role = AdminRole.HELPDESK;
    private transient String password;
    private transient String confirmation;

    // its token, between creation and activation
    private String pendingLogin;
    private String keyUri;
    private String qrDataUri;
    private String code;

    @PostConstruct
    void load() {
        list = accounts.list();
    }

    public void add() {
        adding = true;
        login = null;
        displayName = null;
        mail = null;
        role = AdminRole.HELPDESK;
    }

    public void cancel() {
        adding = false;
        pendingLogin = null;
        keyUri = null;
        qrDataUri = null;
    }

    public void create() {
        if (password == null || !password.equals(confirmation)) {
            ConsoleMessages.error("account:confirmation", "setup.admin.passwordsDiffer");
            return;
        }
        try {
            SoftTokenEnrolment enrolment = accounts.create(new NewAdministrator(login, displayName, password.toCharArray(), mail, role),
                    user.getLogin());
            pendingLogin = login.strip().toLowerCase(Locale.ROOT);
            keyUri = enrolment.keyUri();
            qrDataUri = Enrolments.qrDataUri(enrolment);
            adding = false;
            list = accounts.list();
        } catch (AdminAccountException e) {
            if ("LOGIN_TAKEN".equals(e.code())) {
                ConsoleMessages.error("account:login", "setup.admin.loginTaken");
            } else {
                ConsoleMessages.errorText("account:login", e.getMessage());
            }
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public void activate() {
        boolean accepted = accounts.activate(pendingLogin, code, new AttemptSource("admin", "admin-console", user.getAddress())).accepted();
        code = null;
        if (!accepted) {
            ConsoleMessages.error("activate:code", "setup.admin.wrongCode");
            return;
        }
        ConsoleMessages.info("admins.activated", pendingLogin);
        pendingLogin = null;
        keyUri = null;
        qrDataUri = null;
        list = accounts.list();
    }

    public void changeRole(AdministratorView account) {
        AdminRole other = account.role() == AdminRole.ADMINISTRATOR ? AdminRole.HELPDESK : AdminRole.ADMINISTRATOR;
        try {
            accounts.changeRole(account.login(), other, user.getLogin());
            ConsoleMessages.info("admins.roleChanged", account.login(), ConsoleMessages.text("console.role." + other.name()));
        } catch (AdminAccountException e) {
            refused(e);
        }
        list = accounts.list();
    }

    public void remove(AdministratorView account) {
        try {
            accounts.remove(account.login(), user.getLogin());
            ConsoleMessages.info("admins.removed", account.login());
        } catch (AdminAccountException e) {
            refused(e);
        }
        list = accounts.list();
    }

    private static void refused(AdminAccountException e) {
        if ("LAST_ADMINISTRATOR".equals(e.code())) {
            ConsoleMessages.error(null, "admins.lastAdministrator");
        } else {
            ConsoleMessages.errorText(null, e.getMessage());
        }
    }

    /** @return when an account was added, in the server's time zone, to the minute */
    public String added(AdministratorView account) {
        return account.createdAt() == null ? "" : ADDED.format(account.createdAt().atZone(ZoneId.systemDefault()));
    }

    /** @return whether the row is the signed-in account (it may not remove or demote itself from here) */
    public boolean isSelf(AdministratorView account) {
        return account.login().equals(user.getLogin());
    }

    /** @return the secret in the key URI, for an app that cannot scan */
    public String getSecret() {
        return Enrolments.secretOf(keyUri);
    }

    public List<AdminRole> getRoles() {
        return List.of(AdminRole.values());
    }

    public List<AdministratorView> getList() {
        return list;
    }

    public boolean isAdding() {
        return adding;
    }

    public boolean isEnrolling() {
        return keyUri != null;
    }

    public String getPendingLogin() {
        return pendingLogin;
    }

    public String getQrDataUri() {
        return qrDataUri;
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

    public AdminRole getRole() {
        return role;
    }

    public void setRole(AdminRole role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
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
