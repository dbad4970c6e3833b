/**
 * The audit log page (filters, lazily paged table) and its CSV export, streamed by a servlet under the
 * administrators' folder so the export needs no buffering and obeys the same role constraint as the page.
 */
package org.countersign.web.admin.audit;
