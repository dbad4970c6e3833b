package org.countersign.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.countersign.api.admin.AdminAccountService;
import org.countersign.api.settings.SettingsService;

/**
 * Where {@code /admin/} leads: the first administrator's creation while none exists; for an
 * administrator, the setup wizard until it is finished; otherwise the dashboard (which asks for sign-in).
 */
@Named
@RequestScoped
public class ConsoleEntry {

    /** Set to {@code true} when the setup wizard is finished. */
    public static final String SETUP_COMPLETED = "setup.completed";

    @EJB
    private AdminAccountService accounts;

    @EJB
    private SettingsService settings;

    @Inject
    private ConsoleUser user;

    /** @return the navigation outcome for the console's root */
    public String route() {
        if (accounts.setupRequired()) {
            return "/setup/first-administrator?faces-redirect=true";
        }
        if (user.isAdministrator() && !"true".equals(settings.find(SETUP_COMPLETED).orElse("false"))) {
            return "/config/wizard?faces-redirect=true";
        }
        return "/helpdesk/dashboard?faces-redirect=true";
    }
}
