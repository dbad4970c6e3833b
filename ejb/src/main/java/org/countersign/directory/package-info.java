/**
 * Directories: where users and their first factor live. {@link org.countersign.directory.DirectoryBean}
 * answers for all of them in order (the built-in directory first, then each configured LDAP or
 * Active Directory); its look-ups of a login and a password are
 * {@link org.countersign.directory.DirectoryLookup}'s, which the authentication decision calls
 * without a bean call. Empty passwords are refused before any directory is asked; an unknown user
 * and a wrong password are one outcome.
 */
package org.countersign.directory;
