/** The Settings page: token policy, lockout, passcode lifetime, day-code time, message templates, fail-closed or audited bypass. */
package org.countersign.web.admin.settings;
