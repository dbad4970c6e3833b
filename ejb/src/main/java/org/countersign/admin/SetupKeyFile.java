package org.countersign.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The one-time setup key on disk: a text file holding comment lines and one line with the key,
 * created owner-only (rw-------). The key is 20 random characters from an alphabet without look-alikes,
 * grouped by 5 for reading; comparison ignores case, spaces and dashes and takes constant time.
 * Thread-safe (no state besides the path).
 */
final class SetupKeyFile {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    SetupKeyFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Writes a new key unless the file exists. @return whether a key was written */
    boolean createIfMissing() {
        if (Files.exists(file)) {
            return false;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 5 == 0) {
                key.append('-');
            }
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String text = "# Countersign one-time setup key. Enter it on the first page of the Admin portal (/admin)\n"
                + "# to create the first administrator. It is void, and this file deleted, once that administrator exists.\n"
                + key + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".countersign-setup", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("setup key file " + file + " cannot be written", e);
        }
    }

    /** @return whether {@code offered} is the key in the file; false when there is no file */
    boolean matches(String offered) {
        Optional<String> stored = read();
        if (stored.isEmpty() || offered == null) {
            return false;
        }
        return MessageDigest.isEqual(normalise(stored.get()).getBytes(StandardCharsets.US_ASCII),
                normalise(offered).getBytes(StandardCharsets.US_ASCII));
    }

    /** Deletes the file: the key is void. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("setup key file " + file + " cannot be deleted", e);
        }
    }

    private Optional<String> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("setup key file " + file + " cannot be read", e);
        }
    }

    static String normalise(String key) {
        return key.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
