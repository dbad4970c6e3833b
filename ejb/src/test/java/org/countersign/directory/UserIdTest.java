package org.countersign.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.countersign.api.directory.UserId;
import org.junit.jupiter.api.Test;

/** The one place a user id is taken apart (directory bean, user administration, mail, audit). */
class UserIdTest {

    @Test
    void splitsAtTheFirstColon() {
        assertEquals(Optional.of(new UserId("corp", "alice")), UserId.parse("corp:alice"));
        assertEquals(Optional.of(new UserId("corp", "a:b")), UserId.parse("corp:a:b"));
    }

    @Test
    void refusesWhatIsNoUserId() {
        assertTrue(UserId.parse(null).isEmpty());
        assertTrue(UserId.parse("alice").isEmpty());
        assertTrue(UserId.parse(":alice").isEmpty());
        assertTrue(UserId.parse("corp:").isEmpty());
    }

    @Test
    void theLoginOfTextWithoutAColonIsTheText() {
        assertEquals("alice", UserId.loginOf("corp:alice"));
        assertEquals("a:b", UserId.loginOf("corp:a:b"));
        assertEquals("alice", UserId.loginOf("alice"));
    }
}
