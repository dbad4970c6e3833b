package org.countersign.web.admin.audit;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.countersign.api.audit.AuditQuery;

/**
 * The audit log's filter as the administrator enters it; the same fields travel as query parameters to the CSV
 * export. Times are local to the server's time zone.
 */
public class AuditFilterForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String user;
    private String client;
    private String outcome;
    private String category;
    private LocalDateTime from;
    private LocalDateTime to;

    /** @return the query these fields describe */
    public AuditQuery query() {
        ZoneId zone = ZoneId.systemDefault();
        return new AuditQuery(user, client, outcome, category, from == null ? null : from.atZone(zone).toInstant(),
                to == null ? null : to.atZone(zone).toInstant());
    }

    /** @return the fields as URL query parameters, empty ones left out */
    public String queryString() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("user", user);
        p.put("client", client);
        p.put("outcome", outcome);
        p.put("category", category);
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        return p.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /**
     * @param parameter the request's parameters by name
     * @return the filter they describe
     * @throws IllegalArgumentException if a time is not an ISO local date-time
     */
    public static AuditFilterForm of(Function<String, String> parameter) {
        AuditFilterForm f = new AuditFilterForm();
        f.user = parameter.apply("user");
        f.client = parameter.apply("client");
        f.outcome = parameter.apply("outcome");
        f.category = parameter.apply("category");
        try {
            f.from = time(parameter.apply("from"));
            f.to = time(parameter.apply("to"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("from and to are local date-times such as 2026-11-23T08:00");
        }
        return f;
    }

    private static LocalDateTime time(String value) {
        return value == null || value.isBlank() ? null : LocalDateTime.parse(value.strip());
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
