/**
 * Console accounts and the first-run setup key. An account is a built-in directory user with one
 * role assignment (ADMINISTRATOR or HELPDESK) and a TOTP token of its own; it may sign in only once
 * that token is activated. While no activated administrator exists, the setup key file beside the
 * master key lets exactly one stranger-proof first administrator be created; the file is deleted
 * when that administrator activates its token.
 */
package org.countersign.admin;
