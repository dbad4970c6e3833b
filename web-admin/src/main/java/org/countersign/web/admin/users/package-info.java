/**
 * The Users page: a lazily loaded, paged search over every directory's users (the user index of
 * {@link org.countersign.api.user.UserAdminService}), and the helpdesk actions on the selected
 * user, each confirmed; those that change a user's factor ask the agent for a fresh passcode first.
 * A temporary code is shown once, then forgotten.
 */
package org.countersign.web.admin.users;
