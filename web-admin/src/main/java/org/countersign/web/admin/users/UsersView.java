package org.countersign.web.admin.users;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.countersign.api.user.DirectorySyncService;
import org.countersign.api.user.TokenFilter;
import org.countersign.api.user.TokenTypeChoice;
import org.countersign.api.user.UserAdminException;
import org.countersign.api.user.UserAdminService;
import org.countersign.api.user.UserDetail;
import org.countersign.api.user.UserQuery;
import org.countersign.api.user.UserRow;
import org.countersign.web.admin.ConsoleMessages;
import org.countersign.web.admin.ConsoleUser;
import org.countersign.web.admin.signin.Reauthentication;

/** The Users page: search as you type, the selected user's panel, and the actions on that user. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient UserAdminService users;

    @EJB
    private transient DirectorySyncService directories;

    @Inject
    private ConsoleUser agent;

    @Inject
    private Reauthentication reauthentication;

    private String text;
    private String directory;
    private String twoFactor = "";
    private TokenFilter tokens = TokenFilter.ANY;
    private UserLazyModel model;
    private UserRow selected;
    private UserDetail detail;
    private String tokenType;
    private String mobile;
    private String mail;
    private int validDays = 3;
    private int maxUses = 10;
    private boolean twoFactorWanted;
    private String issuedCode;

    public UserLazyModel getModel() {
        if (model == null) {
            model = new UserLazyModel(q -> users.search(q), (first, size, sort, desc) -> new UserQuery(text,
                    directory == null || directory.isBlank() ? null : directory, twoFactor.isEmpty() ? null : Boolean.valueOf(twoFactor),
                    tokens, first, size, sort, desc));
        }
        return model;
    }

    /** The search text or a filter changed. */
    public void search() {
        getModel().refresh();
    }

    public List<String> getDirectories() {
        List<String> ids = new ArrayList<>();
        ids.add("internal");
        ids.addAll(directories.ldapDirectories());
        return ids;
    }

    public TokenFilter[] getTokenFilters() {
        return TokenFilter.values();
    }

    public List<TokenTypeChoice> getTokenTypes() {
        return users.tokenTypes();
    }

    public void select() {
        issuedCode = null;
        if (selected == null) {
            detail = null;
            return;
        }
        show(users.find(selected.userId()).orElse(null));
        if (detail == null) {
            ConsoleMessages.error(null, "users.gone", selected.userId());
        }
    }

    private void show(UserDetail d) {
        detail = d;
        if (d != null) {
            tokenType = d.user().tokenType();
            mobile = d.user().mobile();
            mail = d.user().mail();
        }
        getModel().refresh();
    }

    /** Remembers the wanted two-factor state; the re-authentication dialog then runs {@link #applyTwoFactor}. */
    public void prepareTwoFactor(boolean enabled) {
        twoFactorWanted = enabled;
    }

    public void applyTwoFactor() {
        if (!reauthentication.consume()) {
            return;
        }
        act(() -> show(users.setTwoFactor(userId(), twoFactorWanted, agent.getLogin())),
                twoFactorWanted ? "users.twoFactorOn" : "users.twoFactorOff");
    }

    public void chooseTokenType() {
        act(() -> show(users.chooseTokenType(userId(), tokenType, agent.getLogin())), "users.tokenTypeSaved");
    }

    /** The contact form passed its checks on the page; the re-authentication dialog then runs {@link #updateContact}. */
    public void prepareContact() {
        // values are in mobile and mail; nothing else to do before the passcode
    }

    public void updateContact() {
        if (!reauthentication.consume()) {
            return;
        }
        String newMobile = mobile == null || mobile.isBlank() || mobile.equals(detail.user().mobile()) ? null : mobile;
        String newMail = mail == null || mail.isBlank() || mail.equals(detail.user().mail()) ? null : mail;
        act(() -> show(users.updateContact(userId(), newMobile, newMail, agent.getLogin())), "users.contactSaved");
    }

    public void sendEnrolment() {
        act(() -> show(users.sendEnrolment(userId(), agent.getLogin())), "users.enrolmentSent");
    }

    public void unlock() {
        act(() -> show(users.unlock(userId(), agent.getLogin())), "users.unlocked");
    }

    public void issueTemporaryCode() {
        if (!reauthentication.consume()) {
            return;
        }
        act(() -> {
            issuedCode = users.issueTemporaryCode(userId(), validDays, maxUses, agent.getLogin());
            show(users.find(userId()).orElse(detail));
        }, "users.temporaryIssued");
    }

    public void resetTokens() {
        if (!reauthentication.consume()) {
            return;
        }
        act(() -> show(users.resetTokens(userId(), agent.getLogin())), "users.tokensReset");
    }

    /** Forgets the temporary code once the agent closed its dialog: it is shown once. */
    public void forgetCode() {
        issuedCode = null;
    }

    private void act(Runnable action, String doneKey) {
        if (detail == null) {
            return;
        }
        try {
            action.run();
            ConsoleMessages.info(doneKey, detail.user().login());
        } catch (UserAdminException e) {
            boolean besideField = e.field() != null && !"twoFactor".equals(e.field());
            ConsoleMessages.errorText(besideField ? "users:" + e.field() : null, e.getMessage());
        }
    }

    private String userId() {
        return detail.user().userId();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public String getTwoFactor() {
        return twoFactor;
    }

    public void setTwoFactor(String twoFactor) {
        this.twoFactor = twoFactor == null ? "" : twoFactor;
    }

    public TokenFilter getTokens() {
        return tokens;
    }

    public void setTokens(TokenFilter tokens) {
        this.tokens = tokens == null ? TokenFilter.ANY : tokens;
    }

    public UserRow getSelected() {
        return selected;
    }

    public void setSelected(UserRow selected) {
        this.selected = selected;
    }

    public UserDetail getDetail() {
        return detail;
    }

    public String getTokenType() {
        return tokenType;
    }

    public void setTokenType(String tokenType) {
        this.tokenType = tokenType;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getMail() {
        return mail;
    }

    public void setMail(String mail) {
        this.mail = mail;
    }

    public int getValidDays() {
        return validDays;
    }

    public void setValidDays(int validDays) {
        this.validDays = validDays;
    }

    public int getMaxUses() {
        return maxUses;
    }

    public void setMaxUses(int maxUses) {
        this.maxUses = maxUses;
    }

    public String getIssuedCode() {
        return issuedCode;
    }
}
