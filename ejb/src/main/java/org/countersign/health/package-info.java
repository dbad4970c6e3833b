/** Health checks of this server's parts (database, RADIUS listener), for the portals' health resources. No business rules. */
package org.countersign.health;
