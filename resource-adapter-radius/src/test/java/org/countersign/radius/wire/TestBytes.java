package org.countersign.radius.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Hex test data: whitespace ignored, {@code #} starts a comment. */
final class TestBytes {

    private TestBytes() {
    }

    static byte[] hex(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            digits.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    static byte[] resource(String name) {
        try (InputStream in = TestBytes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return hex(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
