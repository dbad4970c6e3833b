/**
 * What the console's dashboard shows: how many users and tokens there are, how authentications went today
 * and hour by hour, and the latest ones. Every figure is counted by the database (GROUP BY, COUNT), never by
 * loading rows, so the dashboard can be polled every few seconds.
 */
package org.countersign.api.dashboard;
