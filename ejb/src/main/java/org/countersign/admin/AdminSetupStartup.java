package org.countersign.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.countersign.api.admin.AdminAccountService;

/** At start: writes the one-time setup key file while no administrator exists, and deletes a stale one otherwise. */
@Singleton
@Startup
@DependsOn("SealingBean")
public class AdminSetupStartup {

    @EJB
    private AdminAccountService accounts;

    @PostConstruct
    void start() {
        if (accounts.setupRequired()) {
            accounts.setupKeyLocation();
        } else {
            AdminAccountBean.setupKeyFile().delete();
        }
    }
}
