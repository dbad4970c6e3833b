package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.countersign.api.token.TokenStatus;
import org.junit.jupiter.api.Test;

class RecentTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private static Token active(String userId) {
        Token token = new Token(userId, "totp", TokenStatus.ACTIVE, T0);
        token.otpParameters("k1:sealed", "SHA1", 6, 30);
        return token;
    }

    @Test
    void keepsCopiesNotTheRowsGivenNorTheRowsHandedOut() {
        RecentTokens recent = new RecentTokens(10, Duration.ofMinutes(5));
        Token row = active("corp:alice");
        recent.put("corp:alice", List.of(row), 0);
        row.accepted(100, 0, T0); // the caller's row changes after it was kept
        List<Token> first = recent.get("corp:alice", MINUTE);
        assertEquals(-1, first.get(0).lastAccepted(), "the row as it was when kept");
        assertNotSame(row, first.get(0));
        first.get(0).accepted(200, 0, T0); // and a copy handed out changes
        assertEquals(-1, recent.get("corp:alice", MINUTE).get(0).lastAccepted());
    }

    @Test
    void aUserWithoutAnActiveTokenIsNeverKept() {
        RecentTokens recent = new RecentTokens(10, Duration.ofMinutes(5));
        Token locked = active("corp:bob");
        for (int i = 0; i < 3; i++) {
            locked.failed(3, T0);
        }
        recent.put("corp:bob", List.of(locked), 0);
        recent.put("corp:carol", List.of(), 0);
        assertNull(recent.get("corp:bob", 0), "locked only: read fresh every time");
        assertNull(recent.get("corp:carol", 0), "no token is never answered from memory");
        recent.put("corp:bob", List.of(active("corp:bob")), 0);
        recent.put("corp:bob", List.of(locked), 0);
        assertNull(recent.get("corp:bob", 0), "a read finding none active forgets what was kept");
    }

    @Test
    void aCopyExpiresAfterItsLifetimeAndAWriteDoesNotExtendIt() {
        RecentTokens recent = new RecentTokens(10, Duration.ofMinutes(5));
        Token row = active("corp:dave");
        recent.put("corp:dave", List.of(row), 0);
        row.accepted(7, 0, T0);
        row.writtenByHand();
        recent.written(row);
        assertEquals(7, recent.get("corp:dave", 5 * MINUTE - 1).get(0).lastAccepted(), "the write replaced the copy");
        assertEquals(row.version(), recent.get("corp:dave", 5 * MINUTE - 1).get(0).version());
        assertNull(recent.get("corp:dave", 5 * MINUTE), "five minutes after the read, whatever was written since");
        assertEquals(0, recent.size());
    }

    @Test
    void aWriteForAUserNotKeptOrATokenNotKeptKeepsNothing() {
        RecentTokens recent = new RecentTokens(10, Duration.ofMinutes(5));
        recent.written(active("corp:erin"));
        assertNull(recent.get("corp:erin", 0));
        recent.put("corp:erin", List.of(active("corp:erin")), 0);
        recent.written(active("corp:erin")); // another token of hers, added since the read
        assertNull(recent.get("corp:erin", 0), "the kept list no longer matches: forgotten");
    }

    @Test
    void forgettingAndTheApplicationsInstance() {
        RecentTokens recent = new RecentTokens(10, Duration.ofMinutes(5));
        recent.put("corp:frank", List.of(active("corp:frank")), 0);
        RecentTokens.forgetOnThisServer("corp:frank"); // no instance active yet: nothing happens
        assertNotNull(recent.get("corp:frank", 0));
        recent.activate();
        try {
            new TokenWrites().written(active("corp:frank")); // what JPA calls for a token written on this server
            assertNull(recent.get("corp:frank", 0));
        } finally {
            recent.deactivate();
        }
    }

    @Test
    void neverMoreThanItsCapacity() {
        RecentTokens recent = new RecentTokens(100, Duration.ofMinutes(5));
        for (int i = 0; i < 1_000; i++) {
            recent.put("corp:u" + i, List.of(active("corp:u" + i)), 0);
        }
        assertEquals(100, recent.size());
        assertNotNull(recent.get("corp:u999", 0), "the newest is kept");
    }
}
