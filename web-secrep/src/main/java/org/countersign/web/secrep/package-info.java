/** SecRep: the peer-authenticated replication endpoint between Countersign servers. Never published to the Internet. */
package org.countersign.web.secrep;
