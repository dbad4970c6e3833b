/**
 * Sign-in to the console with Jakarta Security: a custom form mechanism whose identity store asks
 * the admin account service (password of the built-in directory, role, the account's own TOTP), the
 * sign-in page, and the one-action re-authentication helpdesk pages ask for before they change a
 * user's factors. Roles: ADMINISTRATOR and HELPDESK; the folders of the WAR are constrained by role in web.xml.
 */
package org.countersign.web.admin.signin;
