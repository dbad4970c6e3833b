package org.countersign.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupKeyFileTest {

    @TempDir
    Path dir;

    private static String keyIn(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
    }

    @Test
    void writesAnOwnerOnlyKeyOnceAndNeverOverwritesIt() throws Exception {
        Path file = dir.resolve("countersign-setup.key");
        SetupKeyFile keys = new SetupKeyFile(file);
        assertTrue(keys.createIfMissing());
        String key = keyIn(file);
        assertTrue(key.matches("[A-Z2-9]{5}(-[A-Z2-9]{5}){3}"), key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(keys.createIfMissing());
        assertEquals(key, keyIn(file));
    }

    @Test
    void matchesIgnoringCaseSpacesAndDashesAndNothingElse() throws Exception {
        Path file = dir.resolve("countersign-setup.key");
        SetupKeyFile keys = new SetupKeyFile(file);
        keys.createIfMissing();
        String key = keyIn(file);
        assertTrue(keys.matches(key));
        assertTrue(keys.matches(" " + key.replace("-", " ").toLowerCase() + " "));
        assertFalse(keys.matches(key.substring(0, key.length() - 1)));
        assertFalse(keys.matches(""));
        assertFalse(keys.matches(null));
    }

    @Test
    void aDeletedKeyMatchesNothing() throws Exception {
        Path file = dir.resolve("countersign-setup.key");
        SetupKeyFile keys = new SetupKeyFile(file);
        keys.createIfMissing();
        String key = keyIn(file);
        keys.delete();
        assertFalse(Files.exists(file));
        assertFalse(keys.matches(key));
    }
}
