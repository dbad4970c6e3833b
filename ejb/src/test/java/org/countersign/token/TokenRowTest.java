package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.countersign.api.token.TokenStatus;
import org.countersign.user.UserIndexFixture;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token read by hand (JDBC) on the RADIUS path against JPA's read of the same rows, field by field. */
class TokenRowTest {

    private static final String URL = "jdbc:h2:mem:token-row;MODE=LEGACY;DB_CLOSE_DELAY=-1";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456Z");

    private static EntityManagerFactory emf;
    private static JdbcDataSource dataSource;
    private static Token fresh;
    private static Token used;
    private static Token locked;

    @BeforeAll
    static void tokens() {
        emf = UserIndexFixture.open(URL);
        dataSource = new JdbcDataSource();
        dataSource.setURL(URL);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        fresh = new Token("corp:alice", "totp", TokenStatus.PENDING, T0);
        used = new Token("corp:alice", "totp", TokenStatus.ACTIVE, T0.plus(1, ChronoUnit.DAYS));
        used.otpParameters("k1:sealed-seed-text", "SHA256", 8, 60);
        used.accepted(29_000_123L, 0, T0.plus(2, ChronoUnit.DAYS));
        locked = new Token("corp:alice", "sms", TokenStatus.ACTIVE, T0.plus(3, ChronoUnit.DAYS));
        locked.newCode("hash-of-code", "binding-1", T0.plus(3, ChronoUnit.DAYS).plusSeconds(300), 1, 6);
        for (int i = 0; i < 3; i++) {
            locked.failed(3, T0.plus(4, ChronoUnit.DAYS));
        }
        Token someoneElse = new Token("corp:bob", "totp", TokenStatus.ACTIVE, T0);
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        for (Token token : List.of(fresh, used, locked, someoneElse)) {
            em.persist(token);
        }
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void everyPersistentFieldIsReadAsJpaReadsIt() throws Exception {
        List<Token> byHand = UnlockedTokens.committedTokensOf(dataSource, "corp:alice");
        assertEquals(List.of(locked.id(), used.id(), fresh.id()), byHand.stream().map(Token::id).toList(), "newest first, only alice's");
        EntityManager em = emf.createEntityManager();
        try {
            for (Token row : byHand) {
                Token jpa = em.find(Token.class, row.id());
                assertNotNull(jpa);
                for (Field field : Token.class.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    assertEquals(field.get(jpa), field.get(row), field.getName() + " of token " + row.id());
                }
            }
        } finally {
            em.close();
        }
    }

    @Test
    void aCopyHasEveryPersistentField() throws Exception {
        for (Token row : UnlockedTokens.committedTokensOf(dataSource, "corp:alice")) {
            Token copy = row.copy();
            for (Field field : Token.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                assertEquals(field.get(row), field.get(copy), field.getName() + " of the copy of token " + row.id());
            }
        }
    }

    @Test
    void theStatesOfTheRowsSurviveTheReadByHand() {
        List<Token> byHand = UnlockedTokens.committedTokensOf(dataSource, "corp:alice");
        Token lockedRow = byHand.get(0);
        Token usedRow = byHand.get(1);
        Token freshRow = byHand.get(2);
        assertEquals(TokenStatus.LOCKED, lockedRow.status());
        assertEquals(3, lockedRow.failCount());
        assertNotNull(lockedRow.lockedAt());
        assertEquals("hash-of-code", lockedRow.codeHash());
        assertEquals(29_000_123L, usedRow.lastAccepted());
        assertEquals("SHA256", usedRow.algorithm());
        assertEquals(8, usedRow.digits());
        assertEquals(60, usedRow.periodSeconds());
        assertEquals(T0.plus(1, ChronoUnit.DAYS), usedRow.view().createdAt());
        assertEquals(-1, freshRow.lastAccepted());
        assertNull(freshRow.sealedSeed());
        assertEquals(List.of(), UnlockedTokens.committedTokensOf(dataSource, "corp:nobody"));
    }
}
