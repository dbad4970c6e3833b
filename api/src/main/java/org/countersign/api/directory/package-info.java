/**
 * The first factor and the user's identity: directories (LDAP, Active Directory, the built-in one)
 * as the rest of the server sees them. User ids are directory-qualified ({@code <directory id>:<login>}).
 * An unknown user and a wrong password look the same from outside.
 */
package org.countersign.api.directory;
