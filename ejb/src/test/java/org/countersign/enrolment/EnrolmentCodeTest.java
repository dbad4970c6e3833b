package org.countersign.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.countersign.api.delivery.EnrolmentMessage;
import org.junit.jupiter.api.Test;

class EnrolmentCodeTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static EnrolmentCode code() {
        return new EnrolmentCode("corp:jdoe", "h1:k:hash", "helpdesk", T0, T0.plus(Duration.ofDays(7)));
    }

    @Test
    void isOpenUntilItExpires() {
        EnrolmentCode code = code();
        assertTrue(code.open(T0));
        assertTrue(code.open(T0.plus(Duration.ofDays(7)).minusMillis(1)));
        assertFalse(code.open(T0.plus(Duration.ofDays(7))));
    }

    @Test
    void aUsedOrRevokedCodeNeverWorksAgain() {
        EnrolmentCode used = code();
        used.use(T0.plusSeconds(5));
        assertFalse(used.open(T0.plusSeconds(6)));
        assertThrows(IllegalStateException.class, () -> used.use(T0.plusSeconds(7)));

        EnrolmentCode revoked = code();
        revoked.revoke(T0.plusSeconds(5));
        assertFalse(revoked.open(T0.plusSeconds(6)));
        assertThrows(IllegalStateException.class, () -> revoked.use(T0.plusSeconds(7)));
    }

    @Test
    void refusesAnExpiryThatIsNotAfterCreation() {
        assertThrows(IllegalArgumentException.class, () -> new EnrolmentCode("corp:jdoe", "h", "helpdesk", T0, T0));
    }

    @Test
    void codesAreTwelveSymbolsWithoutLookAlikesInGroupsOfFour() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = EnrolmentCodes.newCode();
            assertTrue(code.matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}"), code);
            seen.add(code);
        }
        assertEquals(2000, seen.size());
        assertEquals(31, EnrolmentCodes.ALPHABET.chars().distinct().count());
    }

    @Test
    void messageNeverShowsItsCode() {
        EnrolmentMessage message = new EnrolmentMessage("jane@example.org", "corp:jdoe", "Jane", "https://x/secenrol/", "K7QM-2XRD-9FHT", T0);
        assertFalse(message.toString().contains("K7QM"));
    }
}
