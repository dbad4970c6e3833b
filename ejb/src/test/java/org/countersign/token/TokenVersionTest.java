package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.function.Consumer;
import org.countersign.api.token.TokenStatus;
import org.countersign.user.UserIndexFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link RecentTokens} relies on: every change of a token through JPA moves the version in CS_TOKEN_STATE, also a
 * change of the description table CS_TOKEN alone. A kept copy with the old version then loses the unlocked write.
 */
class TokenVersionTest {

    private static final String URL = "jdbc:h2:mem:token-version;MODE=LEGACY;DB_CLOSE_DELAY=-1";
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private static EntityManagerFactory emf;

    @BeforeAll
    static void database() {
        emf = UserIndexFixture.open(URL);
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    private static void assertVersionMovesWhen(String what, Consumer<Token> change) {
        Token token = new Token("corp:" + what.replace(' ', '-'), "totp", TokenStatus.ACTIVE, T0);
        token.otpParameters("k1:seed-one", "SHA1", 6, 30);
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(token);
            em.getTransaction().commit();
            long before = committedVersion(token.id());
            em.getTransaction().begin();
            change.accept(em.find(Token.class, token.id()));
            em.getTransaction().commit();
            long after = committedVersion(token.id());
            assertTrue(after > before, what + ": version " + before + " then " + after);
        } finally {
            em.close();
        }
    }

    private static long committedVersion(String tokenId) {
        EntityManager fresh = emf.createEntityManager();
        try {
            return ((Number) fresh.createNativeQuery("SELECT VERSION FROM CS_TOKEN_STATE WHERE ID = ?1").setParameter(1, tokenId)
                    .getSingleResult()).longValue();
        } finally {
            fresh.close();
        }
    }

    @Test
    void theStatusAloneMovesIt() {
        assertVersionMovesWhen("status disabled", t -> t.status(TokenStatus.DISABLED));
    }

    @Test
    void aNewSeedAloneMovesIt() {
        assertVersionMovesWhen("seed replaced", t -> t.otpParameters("k1:seed-two", "SHA1", 6, 30));
    }

    @Test
    void aFailureMovesIt() {
        assertVersionMovesWhen("failure counted", t -> t.failed(3, T0));
    }

    @Test
    void aServerMadeCodeMovesIt() {
        assertVersionMovesWhen("code issued", t -> t.newCode("hash", "binding", T0.plusSeconds(300), 1, 6));
    }
}
