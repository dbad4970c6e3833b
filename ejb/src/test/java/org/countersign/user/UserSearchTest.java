package org.countersign.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Function;
import org.countersign.api.user.TokenFilter;
import org.countersign.api.user.UserAdminException;
import org.countersign.api.user.UserAdminService;
import org.countersign.api.user.UserPage;
import org.countersign.api.user.UserQuery;
import org.countersign.api.user.UserRow;
import org.countersign.api.user.UserSort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Searches over 3,000 users in a real H2 database, through the same SQL the service runs. */
class UserSearchTest {

    private static final String URL = "jdbc:h2:mem:user-search;MODE=LEGACY;DB_CLOSE_DELAY=-1";
    private static final int USERS = 3_000;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void fill() throws Exception {
        emf = UserIndexFixture.open(URL);
        UserIndexFixture.insert(URL, 0, USERS);
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    private static UserPage search(UserQuery query) {
        EntityManager em = emf.createEntityManager();
        try {
            return new UserSearch(query).run(em);
        } finally {
            em.close();
        }
    }

    private static UserQuery query(String text, int first, int size) {
        return new UserQuery(text, null, null, TokenFilter.ANY, first, size, UserSort.LOGIN, false);
    }

    @Test
    void emptyQueryPagesThroughEveryoneByLoginWithoutOverlap() {
        UserPage first = search(query("", 0, 25));
        UserPage second = search(query("  ", 25, 25));
        assertEquals(25, first.rows().size());
        assertEquals(UserAdminService.COUNT_LIMIT, first.total(), "3,000 users counted up to the limit");
        assertTrue(first.capped());
        List<String> logins = first.rows().stream().map(UserRow::login).toList();
        assertEquals(logins.stream().sorted().toList(), logins);
        assertTrue(first.rows().get(24).login().compareTo(second.rows().get(0).login()) <= 0);
        assertTrue(second.rows().stream().noneMatch(first.rows()::contains));
    }

    @Test
    void everyWordMustAppearInLoginNameMailOrMobile() {
        String login = UserIndexFixture.login(1234);
        UserPage page = search(query(login.toUpperCase(), 0, 10));
        assertEquals(login, page.rows().get(0).login());
        assertTrue(page.rows().stream().allMatch(r -> r.login().contains(login)));

        UserPage byName = search(query("zoe  SMITH", 0, 500));
        assertFalse(byName.rows().isEmpty());
        assertTrue(byName.rows().stream().allMatch(r -> r.displayName().equals("Zoe Smith")), byName.rows().toString());

        UserRow someone = search(query("", 100, 1)).rows().get(0);
        String digits = someone.mobile().replaceAll("[^0-9]", "");
        UserPage byMobile = search(query("+" + digits.substring(0, 2) + " " + digits.substring(2, 6) + " " + digits.substring(6), 0, 50));
        assertTrue(byMobile.rows().contains(someone), "spaces and + in a number do not matter");
        assertTrue(search(query(digits.substring(6), 0, 500)).rows().contains(someone));
        assertEquals(List.of(someone), search(query(someone.mail().toUpperCase(), 0, 10)).rows());
    }

    @Test
    void wordsBeginTermsAndAccentsDoNotMatter() {
        UserPage mueller = search(query("MÜLL", 0, 500));
        assertFalse(mueller.rows().isEmpty());
        assertTrue(mueller.rows().stream().allMatch(r -> r.displayName().endsWith("Müller")), mueller.rows().toString());
        assertEquals(mueller.rows(), search(query("mull", 0, 500)).rows(), "folded like the terms");
        assertEquals(0, search(query("ller", 0, 10)).total(), "a word is found where a term begins, not inside it");
        assertTrue(search(query("brien", 0, 500)).rows().stream().allMatch(r -> r.displayName().endsWith("O'Brien")), "a part of o'brien");
    }

    @Test
    void bothPlansFindTheSameRowsInTheSameOrder() {
        for (String text : new String[] {"a", "smith", "zoe smi", "example", "7700", "e o"}) {
            for (UserSort sort : UserSort.values()) {
                UserQuery q = new UserQuery(text, null, null, TokenFilter.ANY, 10, 40, sort, sort == UserSort.MAIL);
                EntityManager em = emf.createEntityManager();
                try {
                    UserPage driven = new UserSearch(q, Integer.MAX_VALUE - 1).run(em);
                    UserPage walked = new UserSearch(q, -1).run(em);
                    assertEquals(driven.rows(), walked.rows(), text + " by " + sort);
                    assertEquals(driven.total(), walked.total(), text);
                    assertEquals(driven.capped(), walked.capped(), text);
                } finally {
                    em.close();
                }
            }
        }
    }

    @Test
    void wildcardsAreSearchedForLiterally() {
        assertEquals(0, search(query("%", 0, 10)).total());
        assertEquals(0, search(query("_", 0, 10)).total());
        assertEquals(0, search(query("\\", 0, 10)).total());
        assertEquals(List.of("o'brien"), UserTerms.searchWords("O'Brien"));
        assertEquals(List.of("smi", "smj"), UserSearch.termRange("smi"));
    }

    @Test
    void filtersByDirectoryTwoFactorAndTokenState() {
        UserPage corp = search(new UserQuery(null, "corp", null, null, 0, 500, UserSort.DIRECTORY, false));
        assertEquals(USERS / 3, corp.total());
        assertTrue(corp.rows().stream().allMatch(r -> r.directoryId().equals("corp")));

        UserPage enabled = search(new UserQuery(null, null, true, TokenFilter.ANY, 0, 10, null, false));
        assertEquals(USERS / 3, enabled.total());
        assertTrue(enabled.rows().stream().allMatch(UserRow::twoFactorEnabled));

        UserPage locked = search(new UserQuery(null, null, null, TokenFilter.LOCKED, 0, 100, null, false));
        assertEquals(USERS / 250, locked.total());
        assertTrue(locked.rows().stream().allMatch(r -> "LOCKED".equals(r.tokenState())));

        UserPage none = search(new UserQuery(null, null, null, TokenFilter.NONE, 0, 10, null, false));
        assertEquals(Math.min(UserAdminService.COUNT_LIMIT, USERS - USERS / 5), none.total());
        assertTrue(none.capped());
        assertTrue(none.rows().stream().allMatch(r -> r.tokenState() == null));
    }

    @Test
    void sortsDescendingByDisplayName() {
        List<UserRow> rows = search(new UserQuery("", null, null, null, 0, 200, UserSort.DISPLAY_NAME, true)).rows();
        Function<UserRow, String> name = r -> r.displayName().toLowerCase(java.util.Locale.ROOT);
        assertEquals(rows.stream().map(name).sorted(java.util.Comparator.reverseOrder()).toList(), rows.stream().map(name).toList());
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndStillCounts() {
        UserPage beyond = search(query("", USERS + 100, 25));
        assertTrue(beyond.rows().isEmpty());
        assertEquals(UserAdminService.COUNT_LIMIT, beyond.total());
        assertTrue(beyond.capped());
    }

    @Test
    void refusesPageSizesOutsideOneToFiveHundred() {
        assertThrows(UserAdminException.class, () -> new UserSearch(query("", 0, 0)));
        assertThrows(UserAdminException.class, () -> new UserSearch(query("", 0, 501)));
        assertThrows(UserAdminException.class, () -> new UserSearch(query("", -1, 10)));
    }
}
