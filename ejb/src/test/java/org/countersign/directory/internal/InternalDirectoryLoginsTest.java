package org.countersign.directory.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shortcut that spares a RADIUS request for an LDAP user the built-in directory's bean call. */
class InternalDirectoryLoginsTest {

    @AfterEach
    void forget() {
        InternalLogins.LOGINS.invalidate();
    }

    @Test
    void withoutASnapshotOnlyTheBeanCanTell() {
        InternalLogins.LOGINS.invalidate();
        assertFalse(InternalLogins.certainlyAbsent("alice"));
        assertTrue(InternalLogins.certainlyAbsent(null));
        assertTrue(InternalLogins.certainlyAbsent("  "));
        assertTrue(InternalLogins.certainlyAbsent("a".repeat(129)));
    }

    @Test
    void aSnapshotAnswersForLoginsNotInIt() {
        InternalLogins.LOGINS.get(() -> Optional.of(Set.of("alice")));
        assertTrue(InternalLogins.certainlyAbsent("bob"));
        assertFalse(InternalLogins.certainlyAbsent("alice"));
        assertFalse(InternalLogins.certainlyAbsent(" Alice "), "compared as the directory stores logins");
    }

    @Test
    void aDirectoryTooLargeForTheSnapshotIsAlwaysAsked() {
        InternalLogins.LOGINS.get(Optional::empty);
        assertFalse(InternalLogins.certainlyAbsent("bob"));
    }
}
