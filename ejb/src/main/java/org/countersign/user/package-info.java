/**
 * Countersign's index of every user it knows ({@link org.countersign.user.UserRecord}), kept from
 * the directories (lookups, built-in user creation, contact changes, the {@code directory-sync}
 * job) and searched without asking a directory, plus the helpdesk actions on one user. The
 * directory stays the truth for names and contact details; the index owns what Countersign alone
 * decides (two factors on or off, the chosen token type). Searches look words up by prefix in
 * the users' search terms ({@link org.countersign.user.UserTerm}, rewritten with the record) and sort
 * on lower-case copies of the columns, so no search applies a function to an indexed column.
 */
package org.countersign.user;
