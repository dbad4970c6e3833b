package org.countersign.audit;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countersign.api.audit.AuditQuery;
import org.countersign.api.directory.UserId;
import org.countersign.jpa.InstantColumn;

/**
 * The JPQL condition for an {@link AuditQuery}: fixed fragments joined with AND, every value a parameter.
 * A client and an outcome each lead an index of their own followed by AT, so such a filter and a time range use one
 * index; a user id or a login is looked up in the indexes by login (see {@link AuditEvent}).
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
            // H2 reads an OR of two columns by scanning every record of the time range (7 days of 2,000,000 records:
            // 22.9 s), so the records come by key from a UNION of index ranges. JPQL has no UNION in a subquery;
            // EclipseLink's SQL() passes it through, each ? taking the next argument. Records written before the
            // login columns existed have LOGIN null until AuditLogins fills them, and are matched as before
            String within = (q.from() == null ? "" : " AND AT >= ?") + (q.to() == null ? "" : " AND AT < ?");
            String bounds = (q.from() == null ? "" : ", :fromColumn") + (q.to() == null ? "" : ", :toColumn");
            String select = "SELECT ID FROM CS_AUDIT_EVENT WHERE ";
            if (q.user().indexOf(':') >= 0) {
                parts.add("SQL('? IN (" + select + "LOGIN = ? AND USER_ID = ?" + within
                        + " UNION " + select + "LOGIN IS NULL AND USER_ID = ?" + within + ")'"
                        + ", e.id, :login, :user" + bounds + ", :user" + bounds + ")");
                p.put("login", UserId.loginOf(q.user()));
                p.put("user", q.user());
            } else {
                // the login part of a user id, or the actor ('' is a quote inside the JPQL string)
                parts.add("SQL('? IN (" + select + "LOGIN = ?" + within
                        + " UNION " + select + "OTHER_ACTOR = ?" + within
                        + " UNION " + select + "LOGIN IS NULL" + within + " AND (" + AuditEvent.LOGIN_OF_USER_ID.replace("'", "''")
                        + " = ? OR ACTOR = ?))', e.id, :login" + bounds + ", :login" + bounds + bounds + ", :login, :login)");
                p.put("login", q.user());
            }
            if (q.from() != null) {
                p.put("fromColumn", InstantColumn.of(q.from()));
            }
            if (q.to() != null) {
                p.put("toColumn", InstantColumn.of(q.to()));
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
