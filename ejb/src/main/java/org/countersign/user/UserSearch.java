package org.countersign.user;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.user.TokenFilter;
import org.countersign.api.user.UserAdminException;
import org.countersign.api.user.UserAdminService;
import org.countersign.api.user.UserPage;
import org.countersign.api.user.UserQuery;
import org.countersign.api.user.UserRow;
import org.countersign.api.user.UserSort;

/**
 * A user search as SQL over {@code CS_USER}: every word of the text must appear in the search column,
 * filters are bound parameters, the page is cut with {@code LIMIT}/{@code OFFSET} (H2 and PostgreSQL),
 * and the count stops at {@link UserAdminService#COUNT_LIMIT}. Values are always bound, never
 * spliced into the SQL. Not thread-safe; one per search.
 */
public final class UserSearch {

    private static final Pattern PHONE = Pattern.compile("[+0-9().\\-]*[0-9][+0-9().\\-]*");
    private static final int MAX_WORDS = 6;
    private static final List<String> LIVE = List.of(TokenStatus.PENDING.name(), TokenStatus.ACTIVE.name(), TokenStatus.LOCKED.name());

    private final UserQuery query;
    private final StringBuilder where = new StringBuilder(" WHERE 1=1");
    private final List<Object> parameters = new ArrayList<>();

    public UserSearch(UserQuery query) {
        if (query.pageSize() < 1 || query.pageSize() > 500) {
            throw new UserAdminException(null, "a page holds 1 to 500 users, not " + query.pageSize());
        }
        if (query.first() < 0) {
            throw new UserAdminException(null, "the first row is 0 or more, not " + query.first());
        }
        this.query = query;
        for (String word : words(query.text())) {
            where.append(" AND u.SEARCH_TEXT LIKE ? ESCAPE '\\'");
            parameters.add("%" + escapeLike(word) + "%");
        }
        if (query.directoryId() != null && !query.directoryId().isBlank()) {
            where.append(" AND u.DIRECTORY_ID = ?");
            parameters.add(query.directoryId().strip());
        }
        if (query.twoFactor() != null) {
            where.append(query.twoFactor() ? " AND (u.TWO_FACTOR = ? OR u.TWO_FACTOR_MEMBER = ?)" : " AND u.TWO_FACTOR = ? AND u.TWO_FACTOR_MEMBER = ?");
            parameters.add(query.twoFactor());
            parameters.add(query.twoFactor());
        }
        TokenFilter tokens = query.tokens() == null ? TokenFilter.ANY : query.tokens();
        switch (tokens) {
            case ANY -> { }
            case NONE -> {
                where.append(" AND u.ID NOT IN (SELECT t.USER_ID FROM CS_TOKEN t WHERE t.STATUS IN (?, ?, ?))");
                parameters.addAll(LIVE);
            }
            default -> {
                where.append(" AND u.ID IN (SELECT t.USER_ID FROM CS_TOKEN t WHERE t.STATUS = ?)");
                parameters.add(tokens.name());
            }
        }
    }

    /**
     * The words a text search looks for: lower-case, at most six; a phone-like word is reduced to its digits.
     */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().toLowerCase(Locale.ROOT).split("\\s+"))
                .map(w -> PHONE.matcher(w).matches() ? UserRecord.digits(w) : w)
                .filter(w -> !w.isEmpty()).distinct().limit(MAX_WORDS).toList();
    }

    /** Escapes LIKE's wildcards and the escape character itself. */
    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String orderBy() {
        String direction = query.descending() ? " DESC" : " ASC";
        UserSort sort = query.sort() == null ? UserSort.LOGIN : query.sort();
        // With words to find, walking an ordering index and fetching row after row is far slower than one scan and a sort
        // of the few matches (a rare word walks the whole index); ordering by an expression keeps the planner off the index.
        String off = words(query.text()).isEmpty() ? "" : " || ''";
        return switch (sort) {
            case LOGIN -> " ORDER BY u.LOGIN_LC" + off + direction + ", u.ID" + direction;
            case DISPLAY_NAME -> " ORDER BY u.DISPLAY_LC" + off + direction + ", u.ID" + direction;
            case MAIL -> " ORDER BY u.MAIL_LC" + off + direction + ", u.ID" + direction;
            case DIRECTORY -> " ORDER BY u.DIRECTORY_ID" + off + direction + ", u.LOGIN_LC" + direction + ", u.ID" + direction;
        };
    }

    /** Runs the search: the page, the users' token states, and the capped count. */
    public UserPage run(EntityManager em) {
        Query rowsQuery = em.createNativeQuery("SELECT u.* FROM CS_USER u" + where + orderBy() + " LIMIT ? OFFSET ?", UserRecord.class);
        int i = bind(rowsQuery);
        rowsQuery.setParameter(i++, query.pageSize());
        rowsQuery.setParameter(i, query.first());
        @SuppressWarnings("unchecked")
        List<UserRecord> records = rowsQuery.getResultList();
        int total;
        boolean capped = false;
        if (records.size() < query.pageSize() && (query.first() == 0 || !records.isEmpty())) {
            total = query.first() + records.size();
        } else {
            Query count = em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM CS_USER u" + where + " LIMIT ?) c");
            int j = bind(count);
            count.setParameter(j, UserAdminService.COUNT_LIMIT + 1);
            long counted = ((Number) count.getSingleResult()).longValue();
            capped = counted > UserAdminService.COUNT_LIMIT;
            total = (int) Math.min(counted, UserAdminService.COUNT_LIMIT);
        }
        Map<String, String> states = tokenStates(em, records.stream().map(UserRecord::id).toList());
        return new UserPage(records.stream().map(r -> row(r, states.get(r.id()))).toList(), total, capped);
    }

    private int bind(Query q) {
        int i = 1;
        for (Object p : parameters) {
            q.setParameter(i++, p);
        }
        return i;
    }

    /** The most telling live token state of each user: LOCKED before ACTIVE before PENDING. */
    static Map<String, String> tokenStates(EntityManager em, List<String> userIds) {
        Map<String, String> states = new HashMap<>();
        if (userIds.isEmpty()) {
            return states;
        }
        List<Object[]> found = em.createQuery("SELECT t.userId, t.status FROM Token t WHERE t.userId IN :ids AND t.status IN :live", Object[].class)
                .setParameter("ids", userIds)
                .setParameter("live", List.of(TokenStatus.PENDING, TokenStatus.ACTIVE, TokenStatus.LOCKED)).getResultList();
        for (Object[] f : found) {
            String status = ((TokenStatus) f[1]).name();
            states.merge((String) f[0], status, (a, b) -> LIVE.indexOf(a) >= LIVE.indexOf(b) ? a : b);
        }
        return states;
    }

    static UserRow row(UserRecord r, String tokenState) {
        return new UserRow(r.id(), r.directoryId(), r.login(), r.displayName(), r.mobile(), r.mail(), r.twoFactorEnabled(), r.twoFactorMember(),
                r.tokenType(), tokenState, r.missing(), r.updatedAt());
    }
}
