package org.countersign.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import org.countersign.api.audit.AuditRecord;

/**
 * Audit records as CSV (RFC 4180), safe to open in a spreadsheet: a cell starting with a character that
 * spreadsheets read as a formula ({@code = + - @}, tab, carriage return) is prefixed with {@code '}
 * (OWASP "CSV injection"). Stateless and thread-safe.
 */
final class AuditCsv {

    static final String HEADER = "time,category,outcome,reason,actor,user,token,channel,client,address,detail";
    private static final String CRLF = "\r\n";

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(HEADER);
        out.write(CRLF);
    }

    static void row(Writer out, AuditRecord r) throws IOException {
        StringBuilder line = new StringBuilder(160);
        line.append(DateTimeFormatter.ISO_INSTANT.format(r.at()));
        for (String value : new String[] {r.category(), r.outcome(), r.reason(), r.actor(), r.userId(), r.tokenId(), r.channel(), r.client(),
                r.address(), r.detail()}) {
            line.append(',').append(cell(value));
        }
        out.write(line.append(CRLF).toString());
    }

    /** @return the value as one CSV field: neutralised against formulas, quoted where RFC 4180 requires it */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
