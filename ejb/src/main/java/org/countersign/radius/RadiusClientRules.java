package org.countersign.radius;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.countersign.api.radius.RadiusClientSettings;

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
        try {
            RadiusAuthMode.valueOf(s.authMode());
        } catch (IllegalArgumentException e) {
            errors.put("authMode", "one of PASSWORD_AND_PASSCODE, CHALLENGE, PASSCODE_ONLY");
        }
        return errors;
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
