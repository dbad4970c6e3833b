package org.countersign.web.admin.audit;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.countersign.api.audit.AuditQuery;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.web.admin.ConsoleMessages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit log: a filter, and the matching records paged by the database, newest first. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);

    /** Categories offered in the filter; any other can be typed. */
    public static final List<String> CATEGORIES = List.of("auth", "auth.radius", "auth.secserver", "token", "token.verify",
            "token.code.issue", "token.temporary.issue", "token.unlock", "radius", "mail", "admin", "user");

    @EJB
    private AuditService audit;

    private final AuditFilterForm filter = new AuditFilterForm();
    private AuditQuery applied = AuditQuery.all();

    private final LazyDataModel<AuditRecord> records = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, audit.count(applied));
        }

        @Override
        public List<AuditRecord> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return audit.search(applied, first, Math.max(1, Math.min(pageSize, 1000)));
        }

        @Override
        public String getRowKey(AuditRecord record) {
            return null;
        }
    };

    public AuditFilterForm getFilter() {
        return filter;
    }

    public LazyDataModel<AuditRecord> getRecords() {
        return records;
    }

    public List<String> getCategories() {
        return CATEGORIES;
    }

    /** Applies the filter; the table goes back to its first page. */
    public void search() {
        try {
            applied = filter.query();
        } catch (IllegalArgumentException e) {
            ConsoleMessages.error("audit:to", "audit.badRange");
        }
    }

    /** Clears the filter. */
    public void clear() {
        filter.setUser(null);
        filter.setClient(null);
        filter.setOutcome(null);
        filter.setCategory(null);
        filter.setFrom(null);
        filter.setTo(null);
        applied = AuditQuery.all();
    }

    /** @return the address of the CSV export of the applied filter, relative to the console */
    public String getExportPath() {
        String query = filter.queryString();
        return "/config/audit.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    public String time(java.time.Instant at) {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    public String outcomeClass(String outcome) {
        return switch (outcome) {
            case "ACCEPTED", "DONE" -> "cs-ok";
            case "REJECTED" -> "cs-bad";
            default -> "cs-warning";
        };
    }
}
