/**
 * The first-run setup: the first administrator (public while none exists, guarded by the one-time
 * setup key) and the wizard that follows (directory, mail, SMS gateway, public URLs, first RADIUS
 * client), re-runnable with its values filled in; progress is kept in settings {@code setup.*}.
 */
package org.countersign.web.admin.setup;
