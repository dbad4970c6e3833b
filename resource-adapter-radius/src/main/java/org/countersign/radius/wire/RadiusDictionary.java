package org.countersign.radius.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Attributes by name, loaded from data files, one per RFC plus {@code dictionary.countersign} for local
 * additions. Line format ({@code #} starts a comment):
 * <pre>
 * ATTRIBUTE &lt;Name&gt; &lt;number&gt; &lt;text|string|octets|integer|ipaddr|ipv6addr|date&gt; [secret]
 * VALUE     &lt;Attribute&gt; &lt;ValueName&gt; &lt;number&gt;
 * </pre>
 * {@code secret} marks an attribute whose value {@link #render} never shows (User-Password). Names are
 * matched ignoring case. Immutable and thread-safe once built.
 */
public final class RadiusDictionary {

    /** The files {@link #standard()} loads, in order, from this package on the class path. */
    static final List<String> STANDARD_FILES = List.of("dictionary.rfc2865", "dictionary.rfc2866",
            "dictionary.rfc2869", "dictionary.rfc3162", "dictionary.countersign");

    private final Map<String, AttributeDefinition> byName;
    private final AttributeDefinition[] byType;
    private final boolean[] secret;
    private final Map<Integer, Map<String, Long>> valuesByName;
    private final Map<Integer, Map<Long, String>> namesByValue;

    private RadiusDictionary(Map<String, AttributeDefinition> byName, AttributeDefinition[] byType, boolean[] secret,
                             Map<Integer, Map<String, Long>> valuesByName, Map<Integer, Map<Long, String>> namesByValue) {
        this.byName = Map.copyOf(byName);
        this.byType = byType.clone();
        this.secret = secret.clone();
        Map<Integer, Map<String, Long>> values = new HashMap<>();
        valuesByName.forEach((type, names) -> values.put(type, Map.copyOf(names)));
        this.valuesByName = Map.copyOf(values);
        Map<Integer, Map<Long, String>> names = new HashMap<>();
        namesByValue.forEach((type, byValue) -> names.put(type, Map.copyOf(byValue)));
        this.namesByValue = Map.copyOf(names);
    }

    /**
     * The dictionary of RFC 2865, 2866, 2869 and 3162 plus local additions, loaded once from the class
     * path. Thread-safe.
     *
     * @throws IllegalStateException if a file is missing or has a bad line (a packaging error)
     */
    public static RadiusDictionary standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final RadiusDictionary INSTANCE = loadStandard();

        private static RadiusDictionary loadStandard() {
            Map<String, String> files = new LinkedHashMap<>();
            for (String file : STANDARD_FILES) {
                try (InputStream in = RadiusDictionary.class.getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IllegalStateException("dictionary file missing from class path: " + file);
                    }
                    files.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read dictionary file " + file, e);
                }
            }
            return parse(files);
        }
    }

    /**
     * Builds a dictionary from file texts keyed by file name, in order. A name or number defined twice,
     * a VALUE for an unknown or non-integer attribute, or a bad line is an IllegalStateException naming
     * file and line.
     */
    static RadiusDictionary parse(Map<String, String> files) {
        Map<String, AttributeDefinition> byName = new HashMap<>();
        AttributeDefinition[] byType = new AttributeDefinition[256];
        boolean[] secret = new boolean[256];
        Map<Integer, Map<String, Long>> valuesByName = new HashMap<>();
        Map<Integer, Map<Long, String>> namesByValue = new HashMap<>();
        files.forEach((file, text) -> {
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String where = file + ":" + (i + 1) + ": ";
                String line = lines[i];
                int hash = line.indexOf('#');
                String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
                if (words.length == 1 && words[0].isEmpty()) {
                    continue;
                }
                switch (words[0]) {
                    case "ATTRIBUTE" -> {
                        if (words.length != 4 && !(words.length == 5 && words[4].equals("secret"))) {
                            throw new IllegalStateException(where + "expected ATTRIBUTE <Name> <number> <type> [secret]");
                        }
                        int type = (int) number(words[2], 1, 255, where);
                        DataType dataType = DataType.fromKeyword(words[3])
                                .orElseThrow(() -> new IllegalStateException(where + "unknown data type " + words[3]));
                        AttributeDefinition definition = new AttributeDefinition(words[1], type, dataType);
                        if (byName.putIfAbsent(key(words[1]), definition) != null) {
                            throw new IllegalStateException(where + "attribute " + words[1] + " defined twice");
                        }
                        if (byType[type] != null) {
                            throw new IllegalStateException(where + "attribute number " + type + " already names "
                                    + byType[type].name());
                        }
                        byType[type] = definition;
                        secret[type] = words.length == 5;
                    }
                    case "VALUE" -> {
                        if (words.length != 4) {
                            throw new IllegalStateException(where + "expected VALUE <Attribute> <ValueName> <number>");
                        }
                        AttributeDefinition attribute = byName.get(key(words[1]));
                        if (attribute == null || attribute.dataType() != DataType.INTEGER) {
                            throw new IllegalStateException(where + "VALUE for unknown or non-integer attribute " + words[1]);
                        }
                        long value = number(words[3], 0, 0xffffffffL, where);
                        Map<String, Long> names = valuesByName.computeIfAbsent(attribute.type(), t -> new HashMap<>());
                        if (names.putIfAbsent(key(words[2]), value) != null) {
                            throw new IllegalStateException(where + "VALUE " + words[2] + " defined twice for " + words[1]);
                        }
                        namesByValue.computeIfAbsent(attribute.type(), t -> new HashMap<>()).putIfAbsent(value, words[2]);
                    }
                    default -> throw new IllegalStateException(where + "expected ATTRIBUTE or VALUE, found " + words[0]);
                }
            }
        });
        return new RadiusDictionary(byName, byType, secret, valuesByName, namesByValue);
    }

    /** The definition with this name, ignoring case. Thread-safe. */
    public Optional<AttributeDefinition> byName(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** The definition with this number. Thread-safe. */
    public Optional<AttributeDefinition> byType(int type) {
        return type < 1 || type > 255 ? Optional.empty() : Optional.ofNullable(byType[type]);
    }

    /**
     * Builds an attribute from its name and its value as text: text and string as UTF-8, octets as hex
     * (with or without {@code 0x}), integer as unsigned decimal or VALUE name, ipaddr dotted-quad,
     * ipv6addr in RFC 4291 notation, date as epoch seconds or ISO-8601 instant. Never resolves host
     * names. Thread-safe.
     *
     * @throws IllegalArgumentException naming the attribute for an unknown name or a bad value (the
     *         message quotes the value only for numbers and addresses, never for text or octets)
     */
    public RadiusAttribute attribute(String name, String value) {
        AttributeDefinition definition = byName(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown attribute: " + name));
        byte[] octets = switch (definition.dataType()) {
            case TEXT, STRING -> value.getBytes(StandardCharsets.UTF_8);
            case OCTETS -> {
                try {
                    yield Hex.decode(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(definition.name() + ": expected hex octets");
                }
            }
            case INTEGER -> {
                Long named = valuesByName.getOrDefault(definition.type(), Map.of()).get(key(value));
                yield int32(named != null ? named : unsigned32(value, definition, "a decimal 0-4294967295 or a VALUE name"));
            }
            case DATE -> int32(epochSeconds(value, definition));
            case IPADDR -> ipv4(value, definition);
            case IPV6ADDR -> ipv6(value, definition);
        };
        if (octets.length > RadiusAttribute.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(definition.name() + ": value is " + octets.length
                    + " octets, at most 253 fit");
        }
        return new RadiusAttribute(definition.type(), octets);
    }

    /**
     * The attribute's value as text for display and audit: text as UTF-8, string as UTF-8 when it is
     * printable, integer as VALUE name or unsigned decimal, ipaddr dotted-quad, ipv6addr, date as ISO-8601,
     * anything else (octets, unknown attributes, wrong lengths, bad UTF-8) as {@code 0x} and lowercase hex.
     * An attribute marked {@code secret} renders as {@code (hidden)}. Never throws. Thread-safe.
     */
    public String render(RadiusAttribute attribute) {
        byte[] value = attribute.valueNoCopy();
        AttributeDefinition definition = byType[attribute.type()];
        if (definition == null) {
            return hex(value);
        }
        if (secret[attribute.type()]) {
            return "(hidden)";
        }
        return switch (definition.dataType()) {
            case TEXT -> utf8(value).orElseGet(() -> hex(value));
            case STRING -> utf8(value).filter(RadiusDictionary::printable).orElseGet(() -> hex(value));
            case OCTETS -> hex(value);
            case INTEGER -> {
                if (value.length != 4) {
                    yield hex(value);
                }
                long number = uint32(value);
                String name = namesByValue.getOrDefault(definition.type(), Map.of()).get(number);
                yield name != null ? name : Long.toString(number);
            }
            case DATE -> value.length == 4 ? Instant.ofEpochSecond(uint32(value)).toString() : hex(value);
            case IPADDR -> value.length == 4
                    ? (value[0] & 0xff) + "." + (value[1] & 0xff) + "." + (value[2] & 0xff) + "." + (value[3] & 0xff)
                    : hex(value);
            case IPV6ADDR -> {
                if (value.length != 16) {
                    yield hex(value);
                }
                try {
                    yield InetAddress.getByAddress(value).getHostAddress();
                } catch (UnknownHostException e) {
                    yield hex(value);
                }
            }
        };
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static long number(String text, long min, long max, String where) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max && text.chars().allMatch(Character::isDigit)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(where + "expected a number " + min + "-" + max + ", found " + text);
    }

    private static long unsigned32(String text, AttributeDefinition definition, String expected) {
        if (!text.isEmpty() && text.length() <= 10 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long value = Long.parseLong(text);
            if (value <= 0xffffffffL) {
                return value;
            }
        }
        throw new IllegalArgumentException(definition.name() + ": '" + text + "' is not " + expected);
    }

    private static long epochSeconds(String text, AttributeDefinition definition) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return unsigned32(text, definition, "epoch seconds 0-4294967295 or an ISO-8601 instant");
        }
        try {
            long seconds = Instant.parse(text).getEpochSecond();
            if (seconds >= 0 && seconds <= 0xffffffffL) {
                return seconds;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(definition.name() + ": '" + text
                + "' is not epoch seconds 0-4294967295 or an ISO-8601 instant in that range");
    }

    private static byte[] int32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static long uint32(byte[] value) {
        return ((value[0] & 0xffL) << 24) | ((value[1] & 0xffL) << 16) | ((value[2] & 0xffL) << 8) | (value[3] & 0xffL);
    }

    private static byte[] ipv4(String text, AttributeDefinition definition) {
        String[] parts = text.split("\\.", -1);
        byte[] address = new byte[4];
        boolean ok = parts.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            String part = parts[i];
            ok = !part.isEmpty() && part.length() <= 3 && part.chars().allMatch(c -> c >= '0' && c <= '9')
                    && Integer.parseInt(part) <= 255;
            if (ok) {
                address[i] = (byte) Integer.parseInt(part);
            }
        }
        if (!ok) {
            throw new IllegalArgumentException(definition.name() + ": '" + text + "' is not a dotted-quad IPv4 address");
        }
        return address;
    }

    private static byte[] ipv6(String text, AttributeDefinition definition) {
        // Only hex digits, colons and dots, bracketed: InetAddress parses it as a literal and never asks DNS.
        if (text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            try {
                byte[] address = InetAddress.getByName("[" + text + "]").getAddress();
                if (address.length == 16) {
                    return address;
                }
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(address, 0, mapped, 12, 4);
                return mapped;
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(definition.name() + ": '" + text + "' is not an IPv6 address");
    }

    private static Optional<String> utf8(byte[] value) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean printable(String text) {
        return text.codePoints().noneMatch(Character::isISOControl);
    }

    private static String hex(byte[] value) {
        return "0x" + Hex.encode(value);
    }
}
