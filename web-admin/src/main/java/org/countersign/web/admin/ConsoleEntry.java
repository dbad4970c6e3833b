package org.countersign.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Where {@code /admin/} leads: the first-run setup while no administrator exists, otherwise the dashboard. */
@Named
@RequestScoped
public class ConsoleEntry {

    /** @return the navigation outcome for the console's root */
    public String route() {
        return "/helpdesk/dashboard?faces-redirect=true";
    }
}
