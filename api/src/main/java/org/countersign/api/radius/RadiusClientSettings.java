package org.countersign.api.radius;

import java.util.Objects;

/**
 * What an administrator sets for a RADIUS client. {@link #toString()} hides the secret.
 *
 * @param name unique name, 1 to 64 characters
 * @param network a single IP address or a CIDR block
 * @param secret the shared secret, or {@code null} on an edit that keeps the current one
 * @param authMode {@code PASSWORD_AND_PASSCODE}, {@code CHALLENGE} or {@code PASSCODE_ONLY}
 * @param requireMessageAuthenticator drop requests without a valid Message-Authenticator (default on)
 * @param limitProxyState drop requests with Proxy-State but no Message-Authenticator
 */
public record RadiusClientSettings(String name, String network, String secret, String authMode,
                                   boolean requireMessageAuthenticator, boolean limitProxyState) {

    public RadiusClientSettings {
        Objects.requireNonNull(authMode, "authMode");
    }

    @Override
    public String toString() {
        return "RadiusClientSettings[name=" + name + ", network=" + network + ", secret=" + (secret == null ? "unchanged" : "(hidden)")
                + ", authMode=" + authMode + ", requireMessageAuthenticator=" + requireMessageAuthenticator + ", limitProxyState=" + limitProxyState + "]";
    }
}
