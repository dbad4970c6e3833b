package org.countersign.radius;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.countersign.api.radius.NamedAttribute;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.ReplyAttribute;

/**
 * The rules a RADIUS client's settings must meet, and the warnings an administrator should see.
 * Pure and thread-safe.
 */
final class RadiusClientRules {

    /** Secrets shorter than this are accepted with a warning (RFC 2865 section 3 asks for at least 16 octets). */
    static final int RECOMMENDED_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 128;
    /** Characters that break quoting in device and NAS configurations; SecurEnvoy warns against them too. */
    static final String REFUSED_SECRET_CHARACTERS = " \"'`\\#&<>|;$%";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private RadiusClientRules() {
    }

    /** @return field to message for every rule broken; empty when the settings are acceptable */
    static Map<String, String> check(RadiusClientSettings s, boolean secretRequired) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (s.name() == null || !NAME.matcher(s.name().strip()).matches()) {
            errors.put("name", "a name of 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit");
        }
        String network = networkError(s.network());
        if (network != null) {
            errors.put("network", network);
        }
        if (s.secret() == null) {
            if (secretRequired) {
                errors.put("secret", "a shared secret is required");
            }
        } else {
            String secret = secretError(s.secret());
            if (secret != null) {
                errors.put("secret", secret);
            }
        }
        String replies = replyAttributesError(s.replyAttributes());
        if (replies != null) {
            errors.put("replyAttributes", replies);
        }
        try {
            RadiusAuthMode.valueOf(s.authMode());
        } catch (IllegalArgumentException e) {
            errors.put("authMode", "one of PASSWORD_AND_PASSCODE, CHALLENGE, PASSCODE_ONLY");
        }
        return errors;
    }

    /** How a reply attribute's value is written: the attributes an administrator may send in Access-Accept. */
    private enum ReplyKind { TEXT, CLASS, INTEGER, ADDRESS }

    private static final Map<String, ReplyKind> REPLY_ATTRIBUTES = Map.ofEntries(
            Map.entry("Class", ReplyKind.CLASS),
            Map.entry("Filter-Id", ReplyKind.TEXT),
            Map.entry("Framed-Pool", ReplyKind.TEXT),
            Map.entry("Framed-Route", ReplyKind.TEXT),
            Map.entry("Callback-Id", ReplyKind.TEXT),
            Map.entry("Reply-Message", ReplyKind.TEXT),
            Map.entry("Session-Timeout", ReplyKind.INTEGER),
            Map.entry("Idle-Timeout", ReplyKind.INTEGER),
            Map.entry("Acct-Interim-Interval", ReplyKind.INTEGER),
            Map.entry("Framed-MTU", ReplyKind.INTEGER),
            Map.entry("Service-Type", ReplyKind.INTEGER),
            Map.entry("Framed-IP-Address", ReplyKind.ADDRESS),
            Map.entry("Framed-IP-Netmask", ReplyKind.ADDRESS),
            Map.entry("Login-IP-Host", ReplyKind.ADDRESS),
            Map.entry("Login-Service", ReplyKind.INTEGER));
    /** Service-Type by its RFC 2865 section 5.6 names, as the dictionary spells them. */
    private static final List<String> SERVICE_TYPES = List.of("Login-User", "Framed-User", "Callback-Login-User", "Callback-Framed-User",
            "Outbound-User", "Administrative-User", "NAS-Prompt-User", "Authenticate-Only", "Callback-NAS-Prompt", "Call-Check",
            "Callback-Administrative");
    static final int MAX_REPLY_ATTRIBUTES = 20;
    private static final int MAX_VALUE_OCTETS = 253;

    /** @return what is wrong with the first bad reply attribute, or {@code null} when all are acceptable */
    static String replyAttributesError(List<ReplyAttribute> attributes) {
        if (attributes.size() > MAX_REPLY_ATTRIBUTES) {
            return "at most " + MAX_REPLY_ATTRIBUTES + " reply attributes";
        }
        for (ReplyAttribute a : attributes) {
            ReplyKind kind = REPLY_ATTRIBUTES.get(a.name());
            if (kind == null) {
                return "'" + a.name() + "' cannot be sent in Access-Accept; use one of " + new java.util.TreeSet<>(REPLY_ATTRIBUTES.keySet());
            }
            String value = a.value();
            if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return a.name() + ": a value without control characters is required";
            }
            if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_VALUE_OCTETS) {
                return a.name() + ": at most " + MAX_VALUE_OCTETS + " octets fit in one attribute";
            }
            if (a.group() != null && (a.group().length() > 512 || a.group().chars().anyMatch(c -> c < 0x20))) {
                return a.name() + ": the group must be a DN or group name of at most 512 characters";
            }
            String error = switch (kind) {
                case TEXT -> null;
                case CLASS -> value.startsWith("0x") && !HEX.matcher(value).matches() ? "Class: 0x must be followed by pairs of hex digits" : null;
                case INTEGER -> integerError(a);
                case ADDRESS -> IPV4.matcher(value).matches() && networkError(value) == null ? null : a.name() + ": an IPv4 address such as 192.0.2.10";
            };
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static final Pattern HEX = Pattern.compile("0x([0-9A-Fa-f]{2}){1,253}");

    private static String integerError(ReplyAttribute a) {
        if (a.name().equals("Service-Type") && SERVICE_TYPES.contains(a.value())) {
            return null;
        }
        try {
            long n = Long.parseLong(a.value());
            if (n >= 0 && n <= 0xFFFFFFFFL) {
                return null;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        return a.name() + ": a whole number from 0 to 4294967295" + (a.name().equals("Service-Type") ? " or one of " + SERVICE_TYPES : "");
    }

    /**
     * The attribute as the resource adapter encodes it: Class is octets on the wire, so text is sent as its UTF-8
     * octets and {@code 0x...} as the octets written.
     */
    static NamedAttribute onWire(ReplyAttribute a) {
        if (a.name().equals("Class") && !a.value().startsWith("0x")) {
            return new NamedAttribute("Class", "0x" + java.util.HexFormat.of().formatHex(a.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return a.toNamed();
    }

    static String networkError(String network) {
        if (network == null || network.isBlank()) {
            return "an IP address or CIDR block such as 192.0.2.10 or 192.0.2.0/24";
        }
        String[] parts = network.strip().split("/", -1);
        if (parts.length > 2) {
            return "'" + network + "' is not an IP address or CIDR block";
        }
        boolean v4 = IPV4.matcher(parts[0]).matches();
        if (v4) {
            for (String octet : parts[0].split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return "'" + network + "' is not an IPv4 address: " + octet + " is over 255";
                }
            }
        } else if (!IPV6.matcher(parts[0]).matches()) {
            return "'" + network + "' is not an IP address or CIDR block (host names are not accepted)";
        }
        if (parts.length == 2) {
            int max = v4 ? 32 : 128;
            try {
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > max) {
                    return "the prefix length of '" + network + "' must be 0 to " + max;
                }
            } catch (NumberFormatException e) {
                return "the prefix length of '" + network + "' must be a number";
            }
        }
        return null;
    }

    static String secretError(String secret) {
        if (secret.isEmpty()) {
            return "the shared secret must not be empty";
        }
        if (secret.length() > MAX_SECRET_LENGTH) {
            return "the shared secret must be at most " + MAX_SECRET_LENGTH + " characters";
        }
        for (char c : secret.toCharArray()) {
            if (c < 0x21 || c > 0x7e) {
                return "the shared secret must be printable ASCII without spaces";
            }
            if (REFUSED_SECRET_CHARACTERS.indexOf(c) >= 0) {
                return "the shared secret must not contain " + REFUSED_SECRET_CHARACTERS.strip() + " (they break quoting in device configurations)";
            }
        }
        return null;
    }

    /** @return what an administrator should fix, in words */
    static List<String> warnings(RadiusClient client, int secretLength) {
        List<String> warnings = new ArrayList<>();
        if (!client.requireMessageAuthenticator()) {
            warnings.add("Message-Authenticator is not required: this client is open to forged replies (BlastRADIUS, CVE-2024-3596)");
        }
        if (secretLength >= 0 && secretLength < RECOMMENDED_SECRET_LENGTH) {
            warnings.add("the shared secret has " + secretLength + " characters; use at least " + RECOMMENDED_SECRET_LENGTH);
        }
        return warnings;
    }
}
