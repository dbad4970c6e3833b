package org.countersign.user;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * The user index on a real H2 database outside the container, filled with made-up but realistic users
 * by bulk JDBC inserts with their search terms (no directory, no password hashing): for the search tests and the benchmark.
 */
public final class UserIndexFixture {

    static final String[] FIRST = {"Anna", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jakub", "Kenji", "Lena",
        "Mohammed", "Nora", "Oscar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Ursula", "Victor", "Wen", "Ximena", "Yusuf", "Zoe"};
    static final String[] LAST = {"Smith", "Jones", "Garcia", "Müller", "Rossi", "Nowak", "Kowalski", "Dubois", "Silva", "Tanaka", "Okafor",
        "Andersson", "Novak", "Popescu", "Horvat", "Murphy", "O'Brien", "Fischer", "Schmidt", "Patel", "Nguyen", "Kim", "Larsen", "Moreau"};
    static final String[] DIRECTORIES = {"internal", "corp", "partners"};

    private UserIndexFixture() {
    }

    /** Opens the test persistence unit on {@code url} (H2, MODE=LEGACY), creating the tables. */
    public static EntityManagerFactory open(String url) {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("user-index-test", Map.of("jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", ""));
        emf.createEntityManager().close();
        return emf;
    }

    /** The login of user number {@code n}: first initial, last name, number. */
    static String login(int n) {
        return (FIRST[n % FIRST.length].charAt(0) + LAST[(n / FIRST.length) % LAST.length]).toLowerCase(java.util.Locale.ROOT)
                .replace("'", "").replace("ü", "u") + n;
    }

    /**
     * Inserts users {@code from} to {@code to - 1} in batches of 1,000; every fifth user gets a token,
     * one in fifty of them locked; a third are switched on for two factors.
     */
    public static void insert(String url, int from, int to) throws SQLException {
        Random random = new Random(42L + from);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("INSERT INTO CS_USER (ID, DIRECTORY_ID, LOGIN, LOGIN_LC, DISPLAY_NAME, DISPLAY_LC,"
                    + " MOBILE, MAIL, MAIL_LC, TWO_FACTOR, TWO_FACTOR_MEMBER, TOKEN_TYPE, MISSING, CREATED_AT, UPDATED_AT, SEEN_AT,"
                    + " TERMS_VERSION, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, FALSE, ?, ?, ?, " + UserTerms.VERSION + ", 1)");
                 PreparedStatement term = c.prepareStatement("INSERT INTO CS_USER_TERM (TERM, USER_ID) VALUES (?, ?)");
                 PreparedStatement state = c.prepareStatement("INSERT INTO CS_TOKEN_STATE (ID, LAST_ACCEPTED, USES_LEFT, FAIL_COUNT, VERSION)"
                         + " VALUES (?, -1, 0, 0, 1)");
                 PreparedStatement token = c.prepareStatement("INSERT INTO CS_TOKEN (ID, USER_ID, TYPE, STATUS, DIGITS, CODE_LENGTH,"
                         + " PERIOD_SECONDS, CREATED_AT) VALUES (?, ?, 'totp', ?, 6, 6, 30, ?)")) {
                for (int n = from; n < to; n++) {
                    String directory = DIRECTORIES[n % DIRECTORIES.length];
                    String login = login(n);
                    String display = FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length];
                    String mail = login + "@example.org";
                    String mobile = String.format("+44 7700 %06d", random.nextInt(1_000_000));
                    String id = directory + ":" + login;
                    boolean twoFactor = n % 3 == 0;
                    user.setString(1, id);
                    user.setString(2, directory);
                    user.setString(3, login);
                    user.setString(4, UserRecord.lower(login));
                    user.setString(5, display);
                    user.setString(6, UserRecord.lower(display));
                    user.setString(7, mobile);
                    user.setString(8, mail);
                    user.setString(9, UserRecord.lower(mail));
                    user.setBoolean(10, twoFactor);
                    user.setString(11, twoFactor ? "totp" : null);
                    user.setTimestamp(12, now);
                    user.setTimestamp(13, now);
                    user.setTimestamp(14, now);
                    user.addBatch();
                    for (String t : UserTerms.of(login, display, mail, mobile)) {
                        term.setString(1, t);
                        term.setString(2, id);
                        term.addBatch();
                    }
                    if (n % 5 == 0) {
                        String tokenId = java.util.UUID.randomUUID().toString();
                        state.setString(1, tokenId);
                        state.addBatch();
                        token.setString(1, tokenId);
                        token.setString(2, id);
                        token.setString(3, n % 250 == 0 ? "LOCKED" : "ACTIVE");
                        token.setTimestamp(4, now);
                        token.addBatch();
                    }
                    if ((n + 1) % 1000 == 0) {
                        user.executeBatch();
                        term.executeBatch();
                        state.executeBatch();
                        token.executeBatch();
                        c.commit();
                    }
                }
                user.executeBatch();
                term.executeBatch();
                state.executeBatch();
                token.executeBatch();
                c.commit();
            }
        }
    }
}
