package org.countersign.api.admin;

/** What a console account may do. */
public enum AdminRole {
    /** Everything: configuration, users, audit, the setup wizard. */
    ADMINISTRATOR,
    /** The dashboard and the users: find a user, change contact details and factors. */
    HELPDESK
}
