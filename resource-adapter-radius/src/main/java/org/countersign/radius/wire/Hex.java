package org.countersign.radius.wire;

import java.util.HexFormat;

/** Lowercase hex without separators. */
final class Hex {

    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Parses hex digits, optionally prefixed with {@code 0x}; throws IllegalArgumentException otherwise. */
    static byte[] decode(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        return FORMAT.parseHex(digits);
    }
}
