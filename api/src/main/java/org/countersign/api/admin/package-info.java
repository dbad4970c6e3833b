/**
 * The console's own accounts: administrators and helpdesk agents are users of the built-in
 * directory holding a role and a TOTP token of their own; signing in needs password and passcode.
 * The first administrator can only be created with the one-time setup key the server writes at
 * first start. Every change and every sign-in is audited with actor and target.
 */
package org.countersign.api.admin;
