package org.countersign.token;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import org.countersign.api.settings.SettingsService;
import org.countersign.token.type.TokenPolicy;

/**
 * Reads the token policy from global settings, each key falling back to its default. A stored value
 * that is not a number or out of range is an error naming the setting, never silently ignored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TokenPolicyReader {

    @EJB
    private SettingsService settings;

    public TokenPolicy current() {
        TokenPolicy d = TokenPolicy.defaults();
        return new TokenPolicy(
                number("otp.window", d.window()),
                number("otp.hotp.look-ahead", d.lookAhead()),
                number("otp.hotp.resync-window", d.resyncWindow()),
                number("lockout.threshold", d.lockoutThreshold()),
                Duration.ofMinutes(number("lockout.timed-unlock-minutes", (int) d.timedUnlock().toMinutes())),
                number("lockout.hard-limit", d.hardLimit()),
                number("passcode.digits", d.codeDigits()),
                Duration.ofMinutes(number("passcode.lifetime-minutes", (int) d.codeLifetime().toMinutes())));
    }

    private int number(String key, int fallback) {
        String value = settings.find(key).orElse(null);
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
