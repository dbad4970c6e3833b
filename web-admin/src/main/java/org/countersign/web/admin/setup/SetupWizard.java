package org.countersign.web.admin.setup;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countersign.api.delivery.MailResult;
import org.countersign.api.delivery.MailSecurity;
import org.countersign.api.delivery.MailServerSettings;
import org.countersign.api.delivery.MailService;
import org.countersign.api.delivery.MailSettingsException;
import org.countersign.api.directory.DirectoryConfigurationException;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.LdapDirectorySettings;
import org.countersign.api.directory.ServerTestView;
import org.countersign.api.radius.InvalidRadiusClientException;
import org.countersign.api.radius.RadiusClientService;
import org.countersign.api.radius.RadiusClientView;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;
import org.countersign.web.admin.ConsoleEntry;
import org.countersign.web.admin.ConsoleMessages;
import org.countersign.web.admin.ConsoleUser;
import org.countersign.web.admin.radius.RadiusClientForm;

/**
 * The setup wizard after the first administrator: directory, mail server, SMS gateway, public URLs,
 * first RADIUS client. Each step saves through its service (or to settings) and can be skipped; the wizard can
 * be run again with its values filled in: the directory and the RADIUS client it added are shown and changed
 * in place ({@code setup.directory}, {@code setup.radius-client}), never added twice. Passwords and secrets are
 * never shown again: an empty field keeps the stored one. Finishing sets {@code setup.completed}.
 */
@Named
@ViewScoped
public class SetupWizard implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The steps, in order. */
    public static final List<String> STEPS = List.of("directory", "mail", "sms", "urls", "radius", "done");
    /** The setting naming the RADIUS client the wizard added, so a second run edits it. */
    public static final String RADIUS_CLIENT = "setup.radius-client";
    /** Settings the SMS step writes (read by the lead's HTTP SMS gateway sender in ejb delivery.sms). */
    public static final List<String> SMS_KEYS = List.of("sms.gateway.url", "sms.gateway.method", "sms.gateway.body",
            "sms.gateway.content-type", "sms.gateway.success-pattern");
    /** Settings the public URL step writes. */
    public static final List<String> URL_KEYS = List.of("portal.url.admin", "portal.url.enrol", "portal.url.losttoken", "portal.url.secserver");

    @EJB
    private transient SettingsService settings;

    @EJB
    private transient DirectoryService directories;

    @EJB
    private transient RadiusClientService radiusClients;

    @EJB
    private transient MailService mail;

    @Inject
    private ConsoleUser user;

    private int step;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final LdapForm ldap = new LdapForm();
    private RadiusClientForm radius = new RadiusClientForm();
    private List<ServerTestView> testResults;
    private String addedDirectoryId;
    /** The SMTP password typed in this view (kept between a test and the save; never rendered). */
    private transient String smtpPassword;
    private boolean smtpPasswordStored;
    private String testRecipient;

    /** View action: fills every field from what is already saved. */
    public void load() {
        if (!values.isEmpty()) {
            return;
        }
        for (List<String> keys : List.of(SMS_KEYS, URL_KEYS)) {
            keys.forEach(k -> values.put(k, settings.find(k).orElse("")));
        }
        loadMail();
        if (values.get("sms.gateway.method").isEmpty()) {
            values.put("sms.gateway.method", "POST");
        }
        addedDirectoryId = settings.find("setup.directory").orElse(null);
        if (addedDirectoryId != null) {
            directories.ldapDirectory(addedDirectoryId).ifPresent(ldap::fill);
        }
        String clientId = settings.find(RADIUS_CLIENT).orElse(null);
        radiusClients.list().stream().filter(c -> c.id().equals(clientId)).findFirst().map(RadiusClientForm::of).ifPresent(f -> radius = f);
    }

    private void loadMail() {
        MailServerSettings stored = null;
        try {
            stored = mail.serverSettings().orElse(null);
        } catch (MailSettingsException e) {
            ConsoleMessages.errorText(null, e.getMessage());
        }
        values.put("mail.smtp.host", stored == null ? "" : stored.host());
        values.put("mail.smtp.port", stored == null ? "25" : Integer.toString(stored.port()));
        values.put("mail.smtp.security", stored == null ? MailSecurity.NONE.name() : stored.security().name());
        values.put("mail.smtp.user", stored == null || stored.username() == null ? "" : stored.username());
        values.put("mail.from", stored == null || stored.from() == null ? settings.find("mail.from").orElse("") : stored.from());
        smtpPasswordStored = stored != null && mail.passwordStored();
    }

    public String getStepName() {
        return STEPS.get(step);
    }

    public int getStepIndex() {
        return step;
    }

    public List<String> getSteps() {
        return STEPS;
    }

    /** @return whether a step is already saved (a tick in the progress bar) */
    public boolean isSaved(String name) {
        return settings.find("setup.step." + name).isPresent();
    }

    public void goTo(int index) {
        step = Math.max(0, Math.min(index, STEPS.size() - 1));
    }

    public void skip() {
        goTo(step + 1);
    }

    public void back() {
        goTo(step - 1);
    }

    public Map<String, String> getValues() {
        return values;
    }

    public LdapForm getLdap() {
        return ldap;
    }

    public RadiusClientForm getRadius() {
        return radius;
    }

    public List<ServerTestView> getTestResults() {
        return testResults;
    }

    public String getAddedDirectoryId() {
        return addedDirectoryId;
    }

    /**
     * Directory step: adds the LDAP directory (the service connects once), or changes the one this wizard added
     * before, and tests each server.
     */
    public void testDirectory() {
        try {
            if (addedDirectoryId == null || directories.ldapDirectory(addedDirectoryId).isEmpty()) {
                addedDirectoryId = directories.addLdapDirectory(ldap.settings(), user.getLogin());
            } else {
                directories.updateLdapDirectory(addedDirectoryId, ldap.settings(), user.getLogin());
            }
            testResults = directories.testConnection(addedDirectoryId);
        } catch (DirectoryConfigurationException e) {
            testResults = null;
            ConsoleMessages.errorText(null, e.getMessage());
        }
    }

    /** Directory step: keep the directory just added (or the built-in one only) and go on. */
    public void saveDirectory() {
        put("setup.directory", addedDirectoryId == null ? "internal" : addedDirectoryId);
        done("directory");
    }

    /** Mail step: stores the mail server through the mail service (validated, password sealed, audited). */
    public void saveMail() {
        MailServerSettings server = mailServer();
        if (server == null) {
            return;
        }
        try {
            mail.configure(server, typedPassword(server), user.getLogin());
        } catch (MailSettingsException e) {
            showMailError(e);
            return;
        }
        smtpPasswordStored = server.username() != null && (smtpPassword != null || smtpPasswordStored);
        done("mail");
    }

    /**
     * Mail step: sends a test message through the server as it stands in the form, before it is saved; the
     * outcome (where it went, or why not) is shown beside the recipient field.
     */
    public void sendTestMessage() {
        MailServerSettings server = mailServer();
        if (server == null) {
            return;
        }
        if (testRecipient == null || testRecipient.isBlank()) {
            ConsoleMessages.error("wizard:testTo", "wizard.mail.testToMissing");
            return;
        }
        // with a user name and no password typed yet, the service tries the stored password
        char[] password = server.username() == null ? null : smtpPassword == null ? null : smtpPassword.toCharArray();
        MailResult result = mail.sendTestMessage(server, password, testRecipient.strip(), user.getLogin());
        if (result.sent()) {
            ConsoleMessages.infoFor("wizard:testTo", "wizard.mail.testSent", result.message());
        } else {
            ConsoleMessages.error("wizard:testTo", "wizard.mail.testFailed", result.message());
        }
    }

    /** @return the mail server in the form, or {@code null} with the error shown beside the port */
    private MailServerSettings mailServer() {
        if (!isPort(values.get("mail.smtp.port"))) {
            ConsoleMessages.error("wizard:smtpPort", "wizard.mail.badPort");
            return null;
        }
        String security = values.getOrDefault("mail.smtp.security", MailSecurity.NONE.name());
        return new MailServerSettings(strip(values.get("mail.smtp.host")), Integer.parseInt(values.get("mail.smtp.port").strip()),
                MailSecurity.valueOf(security == null || security.isBlank() ? MailSecurity.NONE.name() : security),
                values.get("mail.smtp.user"), strip(values.get("mail.from")));
    }

    /** @return the password to store: the one typed, none without a user name, else {@code null} (keep the stored one) */
    private char[] typedPassword(MailServerSettings server) {
        if (server.username() == null) {
            return new char[0];
        }
        return smtpPassword == null ? null : smtpPassword.toCharArray();
    }

    /** Shows a refused mail setting beside its field; the service's message names the field first ("port: ..."). */
    private static void showMailError(MailSettingsException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "";
        String clientId = switch (field) {
            case "host" -> "wizard:smtpHost";
            case "port" -> "wizard:smtpPort";
            case "from" -> "wizard:mailFrom";
            case "user" -> "wizard:smtpUser";
            case "password" -> "wizard:smtpPassword";
            default -> null;
        };
        ConsoleMessages.errorText(clientId, message);
    }

    public String getSmtpPassword() {
        return null;
    }

    /** Keeps a typed password for this view; an empty field keeps what was typed before, or the stored one. */
    public void setSmtpPassword(String smtpPassword) {
        if (smtpPassword != null && !smtpPassword.isEmpty()) {
            this.smtpPassword = smtpPassword;
        }
    }

    /** @return whether a password is stored or typed in this view, for the field's placeholder */
    public boolean isSmtpPasswordKept() {
        return smtpPasswordStored || smtpPassword != null;
    }

    public String getTestRecipient() {
        return testRecipient;
    }

    public void setTestRecipient(String testRecipient) {
        this.testRecipient = testRecipient;
    }

    public List<MailSecurity> getMailSecurities() {
        return List.of(MailSecurity.values());
    }

    public void saveSms() {
        String url = values.get("sms.gateway.url");
        if (url != null && !url.isBlank() && !url.matches("https?://\\S+")) {
            ConsoleMessages.error("wizard:smsUrl", "wizard.sms.badUrl");
            return;
        }
        SMS_KEYS.forEach(k -> put(k, values.get(k)));
        done("sms");
    }

    public void saveUrls() {
        for (String k : URL_KEYS) {
            String v = values.get(k);
            if (v != null && !v.isBlank() && !v.matches("https?://\\S+")) {
                ConsoleMessages.error("wizard:" + k.replace("portal.url.", "url-"), "wizard.urls.bad");
                return;
            }
        }
        URL_KEYS.forEach(k -> put(k, values.get(k)));
        done("urls");
    }

    /** RADIUS step: adds the first client, or changes the one this wizard added before. */
    public void saveRadius() {
        try {
            RadiusClientView saved = radius.isNew() ? radiusClients.add(radius.settings(), user.getLogin())
                    : radiusClients.update(radius.getId(), radius.settings(), user.getLogin());
            settings.put(RADIUS_CLIENT, saved.id(), SettingScope.GLOBAL);
            ConsoleMessages.info("radius.saved", saved.name());
            radius = RadiusClientForm.of(saved);
            done("radius");
        } catch (InvalidRadiusClientException e) {
            RadiusClientForm.showErrors(e, "wizard:");
        }
    }

    /** Last step: the wizard is finished; the console opens on the dashboard from now on. */
    public String finish() {
        settings.put(ConsoleEntry.SETUP_COMPLETED, "true", SettingScope.GLOBAL);
        ConsoleMessages.info("wizard.finished");
        return "/helpdesk/dashboard?faces-redirect=true";
    }

    private void done(String name) {
        settings.put("setup.step." + name, "done", SettingScope.GLOBAL);
        ConsoleMessages.info("console.saved");
        goTo(step + 1);
    }

    private void put(String key, String value) {
        settings.put(key, value == null ? "" : value.strip(), SettingScope.GLOBAL);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean isPort(String s) {
        try {
            int p = Integer.parseInt(s == null ? "" : s.strip());
            return p >= 1 && p <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The LDAP fields of the directory step. */
    public static class LdapForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name = "Corporate directory";
        private String flavor = "ACTIVE_DIRECTORY";
        private String servers = "";
        private String security = "NONE";
        private String baseDn = "";
        private String bindDn = "";
        private transient String bindPassword;
        private String twoFactorGroupDn = "";

        /** @return the settings to send; an empty password field gives {@code null} (an edit keeps the stored one) */
        LdapDirectorySettings settings() {
            List<String> list = Arrays.stream(servers.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            return new LdapDirectorySettings(name, flavor, list, security, null, 3000, 5000, baseDn, bindDn,
                    bindPassword == null || bindPassword.isEmpty() ? null : bindPassword,
                    null, null, null, null, null, null, List.of(), twoFactorGroupDn.isBlank() ? null : twoFactorGroupDn);
        }

        /** Shows a stored directory again (its password stays empty: empty keeps it). */
        void fill(LdapDirectorySettings stored) {
            name = stored.name();
            flavor = stored.flavor();
            servers = String.join(", ", stored.servers());
            security = stored.security();
            baseDn = stored.baseDn();
            bindDn = stored.bindDn();
            twoFactorGroupDn = stored.twoFactorGroupDn() == null ? "" : stored.twoFactorGroupDn();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getFlavor() {
            return flavor;
        }

        public void setFlavor(String flavor) {
            this.flavor = flavor;
        }

        public String getServers() {
            return servers;
        }

        public void setServers(String servers) {
            this.servers = servers;
        }

        public String getSecurity() {
            return security;
        }

        public void setSecurity(String security) {
            this.security = security;
        }

        public String getBaseDn() {
            return baseDn;
        }

        public void setBaseDn(String baseDn) {
            this.baseDn = baseDn;
        }

        public String getBindDn() {
            return bindDn;
        }

        public void setBindDn(String bindDn) {
            this.bindDn = bindDn;
        }

        public String getBindPassword() {
            return null;
        }

        public void setBindPassword(String bindPassword) {
            this.bindPassword = bindPassword;
        }

        public String getTwoFactorGroupDn() {
            return twoFactorGroupDn;
        }

        public void setTwoFactorGroupDn(String twoFactorGroupDn) {
            this.twoFactorGroupDn = twoFactorGroupDn;
        }
    }
}
