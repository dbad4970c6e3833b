package org.countersign.api.radius;

import java.time.Instant;
import java.util.List;

/**
 * A RADIUS client as the console shows it: never the secret.
 *
 * @param id its id
 * @param name its name
 * @param network address or CIDR block
 * @param authMode how it presents the factors
 * @param requireMessageAuthenticator whether requests without Message-Authenticator are dropped
 * @param limitProxyState whether Proxy-State without Message-Authenticator is dropped
 * @param updatedAt last change
 * @param warnings what an administrator should fix (short secret, Message-Authenticator not required)
 * @param replyAttributes attributes sent in Access-Accept, each for every user or for one group
 */
public record RadiusClientView(String id, String name, String network, String authMode, boolean requireMessageAuthenticator,
                               boolean limitProxyState, Instant updatedAt, List<String> warnings, List<ReplyAttribute> replyAttributes) {

    public RadiusClientView {
        warnings = List.copyOf(warnings);
        replyAttributes = replyAttributes == null ? List.of() : List.copyOf(replyAttributes);
    }
}
