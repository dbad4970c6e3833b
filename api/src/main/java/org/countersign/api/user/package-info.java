/**
 * Users as the console manages them: Countersign's own index of every user it knows, across all
 * directories, searched page by page; and the helpdesk actions on one user (two-factor on or off,
 * token type, contact details written to the directory, enrolment, unlock, temporary code, token
 * reset). Every action names its actor and is audited with the target user. No result ever holds a
 * secret, except the one-time temporary code returned once to the agent who asked for it.
 */
package org.countersign.api.user;
