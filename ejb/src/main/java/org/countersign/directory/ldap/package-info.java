/**
 * LDAP and Active Directory through the UnboundID SDK: the only package that imports it. Servers
 * are tried in failover order with connect and response timeouts; searches run on a pool bound as
 * the service account; passwords are checked by binding as the user's DN on a separate pool. Filters are built with {@code Filter.create*} only, so every login is escaped per RFC 4515.
 */
package org.countersign.directory.ldap;
