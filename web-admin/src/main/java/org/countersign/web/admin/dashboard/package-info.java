/**
 * The dashboard page: counters, the chart of authentications per hour and the latest authentications, read from
 * {@code DashboardService} on every request (the page polls every few seconds).
 */
package org.countersign.web.admin.dashboard;
