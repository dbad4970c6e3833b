/**
 * The Administrators page: console accounts (administrators and helpdesk agents) listed, added with a TOTP of their
 * own shown once as a QR code and activated with its first code, their role changed, removed. The rules (last
 * administrator kept, audit with actor and target) are the account service's; this package only shows them.
 */
package org.countersign.web.admin.accounts;
