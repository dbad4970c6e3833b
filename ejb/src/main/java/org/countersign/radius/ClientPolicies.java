package org.countersign.radius;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countersign.api.radius.ReplyAttribute;

/**
 * What the request path needs to know of each RADIUS client beyond the wire (its mode and its reply
 * attributes), as of the client table the resource adapter last fetched. Replaced whole on each
 * refresh, so a request sees one consistent snapshot and never waits on the database for it.
 * Thread-safe without locks.
 */
@ApplicationScoped
public class ClientPolicies {

    /** A client's mode and reply attributes. */
    public record Policy(RadiusAuthMode mode, List<ReplyAttribute> replyAttributes) {
        public Policy {
            replyAttributes = List.copyOf(replyAttributes);
        }
    }

    private volatile Map<String, Policy> byName;

    /** @return the named client's policy, or empty before the first refresh or when no such client exists */
    public Optional<Policy> of(String clientName) {
        Map<String, Policy> current = byName;
        return current == null ? Optional.empty() : Optional.ofNullable(current.get(clientName));
    }

    /** @return whether a snapshot has been taken yet */
    public boolean loaded() {
        return byName != null;
    }

    /** Replaces the snapshot; called with each new client table. */
    public void replace(Map<String, Policy> policies) {
        byName = Map.copyOf(policies);
    }
}
