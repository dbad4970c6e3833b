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
        InternalDirectoryBean.LOGINS.invalidate();
    }

    @Test
    void withoutASnapshotOnlyTheBeanCanTell() {
        InternalDirectoryBean.LOGINS.invalidate();
        assertFalse(InternalDirectoryBean.certainlyAbsent("alice"));
        assertTrue(InternalDirectoryBean.certainlyAbsent(null));
        assertTrue(InternalDirectoryBean.certainlyAbsent("  "));
        assertTrue(InternalDirectoryBean.certainlyAbsent("a".repeat(129)));
    }

    @Test
    void aSnapshotAnswersForLoginsNotInIt() {
        InternalDirectoryBean.LOGINS.get(() -> Optional.of(Set.of("alice")));
        assertTrue(InternalDirectoryBean.certainlyAbsent("bob"));
        assertFalse(InternalDirectoryBean.certainlyAbsent("alice"));
        assertFalse(InternalDirectoryBean.certainlyAbsent(" Alice "), "compared as the directory stores logins");
    }

    @Test
    void aDirectoryTooLargeForTheSnapshotIsAlwaysAsked() {
        InternalDirectoryBean.LOGINS.get(Optional::empty);
        assertFalse(InternalDirectoryBean.certainlyAbsent("bob"));
    }
}
