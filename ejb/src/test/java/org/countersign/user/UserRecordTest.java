package org.countersign.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.user.UserAdminException;
import org.junit.jupiter.api.Test;

class UserRecordTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void copyReportsChangesOnlyAndASeenUserIsNoLongerMissing() {
        DirectoryUserView view = new DirectoryUserView("corp:jdoe", "corp", "jdoe", "Jane Doe", "+447700900123", "jane@example.org", false);
        UserRecord record = new UserRecord(view, T0);
        assertFalse(record.copy(view, T0.plusSeconds(1)));
        assertEquals(T0, record.updatedAt());
        assertTrue(record.copy(new DirectoryUserView("corp:jdoe", "corp", "jdoe", "Jane Doe", "+447700900999", "jane@example.org", false),
                T0.plusSeconds(2)));
        assertEquals("+447700900999", record.mobile());
        record.missing(T0.plusSeconds(3));
        assertTrue(record.missing());
        assertTrue(record.copy(new DirectoryUserView("corp:jdoe", "corp", "jdoe", "Jane Doe", "+447700900999", "jane@example.org", false),
                T0.plusSeconds(4)));
        assertFalse(record.missing());
    }

    @Test
    void termsAreOutdatedUntilWrittenByTheCurrentRules() {
        UserRecord record = new UserRecord(new DirectoryUserView("corp:jdoe", "corp", "jdoe", "Jane Doe", null, "jane@example.org", false), T0);
        assertTrue(record.termsOutdated(), "a row without terms gets them when next indexed");
        record.termsWritten();
        assertFalse(record.termsOutdated());
        assertTrue(record.terms().containsAll(java.util.Set.of("jdoe", "jane", "doe", "jane@example.org", "example.org")));
    }

    @Test
    void twoFactorIsOnBySwitchOrByGroupMembership() {
        UserRecord member = new UserRecord(new DirectoryUserView("corp:a", "corp", "a", null, null, null, true), T0);
        assertTrue(member.twoFactorEnabled());
        assertFalse(member.twoFactorSwitchedOn());
        UserRecord plain = new UserRecord(new DirectoryUserView("corp:b", "corp", "b", null, null, null, false), T0);
        assertFalse(plain.twoFactorEnabled());
        plain.twoFactor(true, T0);
        assertTrue(plain.twoFactorEnabled());
    }

    @Test
    void contactRulesAcceptInternationalNumbersAndPlainAddresses() {
        assertEquals("+44 7700 900123", ContactRules.mobile("  +44 7700 900123 "));
        assertEquals("+1 (555) 010-9999", ContactRules.mobile("+1 (555) 010-9999"));
        assertEquals("Jane.Doe@example.org", ContactRules.mail("Jane.Doe@EXAMPLE.org"));
        for (String bad : new String[] {"12345", "+44 7700 900123 ext 5", "1234567890123456", "++447700900123", "phone"}) {
            UserAdminException e = assertThrows(UserAdminException.class, () -> ContactRules.mobile(bad), bad);
            assertEquals("mobile", e.field());
        }
        for (String bad : new String[] {"jane", "jane@", "@example.org", "jane@example", "a b@example.org", "a@b@example.org"}) {
            UserAdminException e = assertThrows(UserAdminException.class, () -> ContactRules.mail(bad), bad);
            assertEquals("mail", e.field());
        }
    }
}
