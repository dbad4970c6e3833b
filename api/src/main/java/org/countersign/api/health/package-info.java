/** Health of a running server as the portals and monitoring see it: each component UP or DOWN, with a reason. */
package org.countersign.api.health;
