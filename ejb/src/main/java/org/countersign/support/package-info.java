/**
 * Small helpers the services share that belong to no business area: running something once the current transaction has
 * ended, for caches that must be dropped when a change is committed or rolled back.
 */
package org.countersign.support;
