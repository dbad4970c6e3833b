package org.countersign.api.radius;

import java.util.List;
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
 * @param replyAttributes attributes sent in every Access-Accept to this client, each for every user or for one group
 */
public record RadiusClientSettings(String name, String network, String secret, String authMode,
                                   boolean requireMessageAuthenticator, boolean limitProxyState,
                                   List<ReplyAttribute> replyAttributes) {

    public RadiusClientSettings {
        Objects.requireNonNull(authMode, "authMode");
        replyAttributes = replyAttributes == null ? List.of() : List.copyOf(replyAttributes);
    }

    /** Settings without reply attributes. */
    public RadiusClientSettings(String name, String network, String secret, String authMode,
                                boolean requireMessageAuthenticator, boolean limitProxyState) {
        this(name, network, secret, authMode, requireMessageAuthenticator, limitProxyState, List.of());
    }

    @Override
    public String toString() {
        return "RadiusClientSettings[name=" + name + ", network=" + network + ", secret=" + (secret == null ? "unchanged" : "(hidden)")
                + ", authMode=" + authMode + ", requireMessageAuthenticator=" + requireMessageAuthenticator + ", limitProxyState=" + limitProxyState
                + ", replyAttributes=" + replyAttributes + "]";
    }
}
