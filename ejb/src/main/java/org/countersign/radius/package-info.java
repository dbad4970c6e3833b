/**
 * The RADIUS side of the EJB module: configured RADIUS clients (entity and table), and the
 * message-driven bean through which the resource adapter delivers verified requests. This package
 * maps between {@code org.countersign.api.radius} records and the decision; it holds no wire bytes
 * (those stay in the resource adapter) and no authentication rules (those belong in {@code auth}).
 */
package org.countersign.radius;
