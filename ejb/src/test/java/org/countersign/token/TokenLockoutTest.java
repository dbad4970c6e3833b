package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.countersign.api.token.TokenStatus;
import org.countersign.token.type.TokenPolicy;
import org.junit.jupiter.api.Test;

class TokenLockoutTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final TokenPolicy TIMED = new TokenPolicy(1, 10, 100, 3, Duration.ofMinutes(15), 5, 6, Duration.ofMinutes(10));

    @Test
    void locksAtTheThresholdAndASuccessClearsTheCount() {
        Token token = new Token("u", "totp", TokenStatus.ACTIVE, T0);
        token.failed(3, T0);
        token.failed(3, T0);
        assertEquals(TokenStatus.ACTIVE, token.status());
        token.accepted(7, 0, T0);
        assertEquals(0, token.failCount());
        for (int i = 0; i < 3; i++) {
            token.failed(3, T0);
        }
        assertEquals(TokenStatus.LOCKED, token.status());
    }

    @Test
    void timedUnlockAllowsOneGuessPerPeriodUpToTheHardLimit() {
        Token token = new Token("u", "totp", TokenStatus.ACTIVE, T0);
        Instant now = T0;
        for (int i = 0; i < 3; i++) {
            token.failed(3, now);
        }
        assertFalse(token.timedUnlockDue(TIMED, now.plus(Duration.ofMinutes(14))));
        int guessesAfterLock = 0;
        while (true) {
            now = now.plus(Duration.ofMinutes(15));
            if (!token.timedUnlockDue(TIMED, now)) {
                break;
            }
            token.status(TokenStatus.ACTIVE);
            token.failed(3, now);
            guessesAfterLock++;
            assertEquals(TokenStatus.LOCKED, token.status(), "one wrong guess locks again at once");
        }
        assertEquals(2, guessesAfterLock, "hard limit 5 minus threshold 3");
        assertFalse(token.timedUnlockDue(TIMED, now.plus(Duration.ofDays(365))), "past the hard limit only an administrator unlocks");
        token.unlocked();
        assertEquals(TokenStatus.ACTIVE, token.status());
        assertEquals(0, token.failCount());
    }

    @Test
    void noTimedUnlockUnlessConfigured() {
        Token token = new Token("u", "totp", TokenStatus.ACTIVE, T0);
        for (int i = 0; i < 10; i++) {
            token.failed(10, T0);
        }
        assertTrue(token.status() == TokenStatus.LOCKED);
        assertFalse(token.timedUnlockDue(TokenPolicy.defaults(), T0.plus(Duration.ofDays(30))));
    }
}
