/**
 * Countersign's index of every user it knows ({@link org.countersign.user.UserRecord}), kept from
 * the directories (lookups, built-in user creation, contact changes, the {@code directory-sync}
 * job) and searched without asking a directory, plus the helpdesk actions on one user. The
 * directory stays the truth for names and contact details; the index owns what Countersign alone
 * decides (two factors on or off, the chosen token type). Search text is kept lower-case in
 * columns of its own so searches compare without functions on indexed columns.
 */
package org.countersign.user;
