package org.countersign.web.admin.audit;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.countersign.api.audit.AuditQuery;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;

/**
 * GET {@code /config/audit.csv?user=&client=&outcome=&category=&from=&to=}: the matching audit records as a CSV
 * download, streamed as the database hands them over. Under {@code /config/}, so only administrators reach it. The
 * export itself is audited as {@code audit.export} with the actor and the filter.
 */
@WebServlet("/config/audit.csv")
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The most rows one export holds. */
    static final int LIMIT = 1_000_000;

    @EJB
    private AuditService audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditQuery query;
        try {
            query = AuditFilterForm.of(request::getParameter).query();
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        String name = "countersign-audit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC)) + ".csv";
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer out = response.getWriter();
        long rows = audit.exportCsv(query, out, LIMIT);
        audit.record(new AuditRecord(Instant.now(), "audit.export", "DONE", null, request.getRemoteUser(), null, null, "admin", null,
                request.getRemoteAddr(), rows + " records; " + describe(query)));
    }

    private static String describe(AuditQuery q) {
        return "user=" + q.user() + " client=" + q.client() + " outcome=" + q.outcome() + " category=" + q.category() + " from=" + q.from()
                + " to=" + q.to();
    }
}
