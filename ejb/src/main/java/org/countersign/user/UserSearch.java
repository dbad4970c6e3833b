package org.countersign.user;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.user.TokenFilter;
import org.countersign.api.user.UserAdminException;
import org.countersign.api.user.UserAdminService;
import org.countersign.api.user.UserPage;
import org.countersign.api.user.UserQuery;
import org.countersign.api.user.UserRow;
import org.countersign.api.user.UserSort;

/**
 * A user search as SQL over {@code CS_USER} and its terms ({@code CS_USER_TERM}, see {@link UserTerms}): every
 * word of the text must begin one of the user's terms, filters are bound parameters, the page is cut with
 * {@code LIMIT}/{@code OFFSET} (H2 and PostgreSQL), and the count stops at {@link UserAdminService#COUNT_LIMIT}.
 * Values are always bound, never spliced into the SQL. Not thread-safe; one per search.
 *
 * <p>Two plans, chosen by a capped count of each word's terms. When some word begins at most
 * {@link #DRIVING_LIMIT} terms, the users of those terms that match the other words too are found in the
 * term table, fetched by key and sorted (few rows, whatever the order asked for). When every word is common,
 * the ordering index is walked and each user checked for the words: the matches are dense, so a page fills
 * after a few rows.
 */
public final class UserSearch {

    /** A word beginning at most this many terms drives the search; above it, the ordering index does. */
    static final int DRIVING_LIMIT = 5_000;

    private static final List<String> LIVE = List.of(TokenStatus.PENDING.name(), TokenStatus.ACTIVE.name(), TokenStatus.LOCKED.name());
    // a range on the term index; H2 compares strings by UTF-16 code units, so the range holds exactly the terms the
    // word begins (a LIKE beside it costs more than the rest of the query)
    private static final String TERM_RANGE = "t.TERM >= ? AND t.TERM < ?";

    private final UserQuery query;
    private final int drivingLimit;
    private final List<String> words;
    private final StringBuilder filters = new StringBuilder();
    private final List<Object> filterParameters = new ArrayList<>();
    private final StringBuilder where = new StringBuilder(" WHERE 1=1");
    private final List<Object> parameters = new ArrayList<>();

    public UserSearch(UserQuery query) {
        this(query, DRIVING_LIMIT);
    }

    /** A search whose words drive it up to {@code drivingLimit} terms (tests compare the two plans). */
    UserSearch(UserQuery query, int drivingLimit) {
        this.drivingLimit = drivingLimit;
        if (query.pageSize() < 1 || query.pageSize() > 500) {
            throw new UserAdminException(null, "a page holds 1 to 500 users, not " + query.pageSize());
        }
        if (query.first() < 0) {
            throw new UserAdminException(null, "the first row is 0 or more, not " + query.first());
        }
        this.query = query;
        this.words = UserTerms.searchWords(query.text());
        if (query.directoryId() != null && !query.directoryId().isBlank()) {
            filters.append(" AND u.DIRECTORY_ID = ?");
            filterParameters.add(query.directoryId().strip());
        }
        if (query.twoFactor() != null) {
            filters.append(query.twoFactor() ? " AND (u.TWO_FACTOR = ? OR u.TWO_FACTOR_MEMBER = ?)" : " AND u.TWO_FACTOR = ? AND u.TWO_FACTOR_MEMBER = ?");
            filterParameters.add(query.twoFactor());
            filterParameters.add(query.twoFactor());
        }
        TokenFilter tokens = query.tokens() == null ? TokenFilter.ANY : query.tokens();
        switch (tokens) {
            case ANY -> { }
            case NONE -> {
                filters.append(" AND u.ID NOT IN (SELECT k.USER_ID FROM CS_TOKEN k WHERE k.STATUS IN (?, ?, ?))");
                filterParameters.addAll(LIVE);
            }
            default -> {
                filters.append(" AND u.ID IN (SELECT k.USER_ID FROM CS_TOKEN k WHERE k.STATUS = ?)");
                filterParameters.add(tokens.name());
            }
        }
    }

    /** The bounds of the terms a word begins: from the word to the word with its last character moved one up. */
    static List<Object> termRange(String word) {
        char last = word.charAt(word.length() - 1);
        String next = last == Character.MAX_VALUE ? word + last : word.substring(0, word.length() - 1) + (char) (last + 1);
        return List.of(word, next);
    }

    /**
     * Puts the word clauses in front of the filters. The word that begins the fewest terms drives the search when
     * it begins at most {@link #drivingLimit}: the users of its terms that also have a term for every other word
     * are found in the term table alone, then fetched by key. Otherwise every word is checked user by user.
     *
     * @return whether the rows come from a driving word (then sorted), rather than from the ordering index
     */
    private boolean plan(EntityManager em) {
        int driver = -1;
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < words.size(); i++) {
            Query probe = em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM CS_USER_TERM t WHERE " + TERM_RANGE + " LIMIT ?) c");
            List<Object> range = termRange(words.get(i));
            for (int p = 0; p < range.size(); p++) {
                probe.setParameter(p + 1, range.get(p));
            }
            probe.setParameter(range.size() + 1, drivingLimit + 1);
            long terms = ((Number) probe.getSingleResult()).longValue();
            if (terms < fewest) {
                fewest = terms;
                driver = i;
            }
        }
        boolean driven = fewest <= drivingLimit;
        if (driven) {
            where.append(" AND u.ID IN (SELECT t.USER_ID FROM CS_USER_TERM t WHERE ").append(TERM_RANGE);
            parameters.addAll(termRange(words.get(driver)));
        }
        for (int i = 0; i < words.size(); i++) {
            if (i != driver || !driven) {
                String owner = driven ? "t.USER_ID" : "u.ID";
                where.append(" AND EXISTS (SELECT 1 FROM CS_USER_TERM w WHERE w.USER_ID = ").append(owner).append(" AND ")
                        .append(TERM_RANGE.replace("t.", "w.")).append(')');
                parameters.addAll(termRange(words.get(i)));
            }
        }
        if (driven) {
            where.append(')');
        }
        where.append(filters);
        parameters.addAll(filterParameters);
        return driven;
    }

    private String orderBy(boolean driven) {
        String direction = query.descending() ? " DESC" : " ASC";
        UserSort sort = query.sort() == null ? UserSort.LOGIN : query.sort();
        // the few rows of a driving word are sorted: ordering by an expression keeps the planner off the ordering index
        String off = driven ? " || ''" : "";
        return switch (sort) {
            case LOGIN -> " ORDER BY u.LOGIN_LC" + off + direction + ", u.ID" + direction;
            case DISPLAY_NAME -> " ORDER BY u.DISPLAY_LC" + off + direction + ", u.ID" + direction;
            case MAIL -> " ORDER BY u.MAIL_LC" + off + direction + ", u.ID" + direction;
            case DIRECTORY -> " ORDER BY u.DIRECTORY_ID" + off + direction + ", u.LOGIN_LC" + direction + ", u.ID" + direction;
        };
    }

    /** Runs the search: the page, the users' token states, and the capped count. */
    public UserPage run(EntityManager em) {
        if (plan(em)) {
            return driven(em);
        }
        Query rowsQuery = em.createNativeQuery("SELECT u.* FROM CS_USER u" + where + orderBy(false) + " LIMIT ? OFFSET ?", UserRecord.class);
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
        return page(em, records, total, capped);
    }

    /**
     * A search driven by a rare word: the ids of every match (a few thousand at most) in order, in one pass that
     * also counts them, then the page's rows by key.
     */
    private UserPage driven(EntityManager em) {
        Query idsQuery = em.createNativeQuery("SELECT u.ID FROM CS_USER u" + where + orderBy(true) + " LIMIT ?");
        int i = bind(idsQuery);
        idsQuery.setParameter(i, Math.max(UserAdminService.COUNT_LIMIT + 1, query.first() + query.pageSize()));
        @SuppressWarnings("unchecked")
        List<String> ids = idsQuery.getResultList();
        List<String> pageIds = ids.subList(Math.min(query.first(), ids.size()), Math.min(query.first() + query.pageSize(), ids.size()));
        List<UserRecord> records = List.of();
        if (!pageIds.isEmpty()) {
            Map<String, UserRecord> byId = new HashMap<>();
            for (UserRecord r : em.createQuery("SELECT u FROM UserRecord u WHERE u.id IN :ids", UserRecord.class)
                    .setParameter("ids", pageIds).getResultList()) {
                byId.put(r.id(), r);
            }
            records = pageIds.stream().map(byId::get).filter(Objects::nonNull).toList();
        }
        return page(em, records, Math.min(ids.size(), UserAdminService.COUNT_LIMIT), ids.size() > UserAdminService.COUNT_LIMIT);
    }

    private static UserPage page(EntityManager em, List<UserRecord> records, int total, boolean capped) {
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
