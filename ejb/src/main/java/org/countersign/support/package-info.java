/**
 * Small helpers the services share that belong to no business area, for values read from the database and kept a
 * while: a snapshot read again after a maximum age ({@link org.countersign.support.TimedSnapshot}), and dropping such a
 * value now and when the current transaction ends ({@link org.countersign.support.AfterCompletion}); and a local JDBC
 * transaction outside JTA ({@link org.countersign.support.LocalTransaction}).
 */
package org.countersign.support;
