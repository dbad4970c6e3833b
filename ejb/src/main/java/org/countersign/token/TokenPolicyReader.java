package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.countersign.settings.SettingsSnapshot;
import org.countersign.token.type.TokenPolicy;

/**
 * Reads the token policy from global settings, each key falling back to its default. A stored value
 * that is not a number or out of range is an error naming the setting, never silently ignored.
 */
@ApplicationScoped
public class TokenPolicyReader {

    /** The policy and the settings it was made from: kept while the settings snapshot is the same map. */
    private record Made(Map<String, String> from, TokenPolicy policy) {
    }

    private volatile Made last;

    @Inject
    private SettingsSnapshot settings;

    /**
     * The policy of the current settings snapshot. Made once per snapshot: each verification asks for it, and eight
     * look-ups through the settings service per request cost more than the rest of the policy's use.
     */
    public TokenPolicy current() {
        Map<String, String> values = settings.all();
        Made made = last;
        if (made == null || made.from() != values) {
            made = new Made(values, of(values));
            last = made;
        }
        return made.policy();
    }

    static TokenPolicy of(Map<String, String> values) {
        TokenPolicy d = TokenPolicy.defaults();
        return new TokenPolicy(
                number(values, "otp.window", d.window()),
                number(values, "otp.hotp.look-ahead", d.lookAhead()),
                number(values, "otp.hotp.resync-window", d.resyncWindow()),
                number(values, "lockout.threshold", d.lockoutThreshold()),
                Duration.ofMinutes(number(values, "lockout.timed-unlock-minutes", (int) d.timedUnlock().toMinutes())),
                number(values, "lockout.hard-limit", d.hardLimit()),
                number(values, "passcode.digits", d.codeDigits()),
                Duration.ofMinutes(number(values, "passcode.lifetime-minutes", (int) d.codeLifetime().toMinutes())));
    }

    private static int number(Map<String, String> values, String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, got '" + value + "'", e);
        }
    }
}
