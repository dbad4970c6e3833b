package org.countersign.audit;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countersign.api.audit.AuditQuery;

/**
 * The JPQL condition for an {@link AuditQuery}: fixed fragments joined with AND, every value a parameter.
 * Each filtered column leads an index of its own followed by AT, so a filter and a time range use one index.
 */
final class AuditFilter {

    private final String where;
    private final Map<String, Object> parameters;

    private AuditFilter(String where, Map<String, Object> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    static AuditFilter of(AuditQuery q) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> p = new LinkedHashMap<>();
        if (q.user() != null) {
            if (q.user().indexOf(':') >= 0) {
                parts.add("e.userId = :user");
                p.put("user", q.user());
            } else {
                parts.add("(e.userId LIKE :userSuffix ESCAPE '!' OR e.actor = :user)");
                p.put("userSuffix", "%:" + escapeLike(q.user()));
                p.put("user", q.user());
            }
        }
        condition(parts, p, "e.client = :client", "client", q.client());
        condition(parts, p, "e.outcome = :outcome", "outcome", q.outcome());
        if (q.category() != null) {
            parts.add("(e.category = :category OR e.category LIKE :categoryPrefix ESCAPE '!')");
            p.put("category", q.category());
            p.put("categoryPrefix", escapeLike(q.category()) + ".%");
        }
        condition(parts, p, "e.at >= :from", "from", q.from());
        condition(parts, p, "e.at < :to", "to", q.to());
        return new AuditFilter(parts.isEmpty() ? "" : String.join(" AND ", parts), p);
    }

    private static void condition(List<String> parts, Map<String, Object> parameters, String fragment, String name, Object value) {
        if (value != null) {
            parts.add(fragment);
            parameters.put(name, value);
        }
    }

    /** @return {@code WHERE ...} with the extra conditions, or only the extra ones, or nothing */
    String where(String... extra) {
        List<String> all = new ArrayList<>();
        if (!where.isEmpty()) {
            all.add(where);
        }
        all.addAll(List.of(extra));
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
