package org.countersign.api.radius;

import java.util.List;
import java.util.Objects;

/**
 * The EJB module's answer to an Access-Request, free of wire detail. The resource adapter adds
 * Message-Authenticator (always first), echoes Proxy-State and computes the Response Authenticator.
 *
 * @param decision accept, reject or challenge
 * @param replyMessage text for Reply-Message, or {@code null}
 * @param state State for an Access-Challenge, or {@code null}
 * @param attributes further reply attributes by dictionary name (for example Class, Filter-Id)
 */
public record RadiusReply(RadiusDecision decision, String replyMessage, byte[] state, List<NamedAttribute> attributes) {

    public RadiusReply {
        Objects.requireNonNull(decision, "decision");
        state = state == null ? null : state.clone();
        attributes = List.copyOf(attributes);
    }

    @Override
    public byte[] state() {
        return state == null ? null : state.clone();
    }

    /** An Access-Reject with an optional Reply-Message. */
    public static RadiusReply reject(String replyMessage) {
        return new RadiusReply(RadiusDecision.REJECT, replyMessage, null, List.of());
    }

    @Override
    public String toString() {
        return "RadiusReply[" + decision + ", replyMessage=" + replyMessage + ", state=" + (state == null ? "absent" : "(hidden)")
                + ", attributes=" + attributes + "]";
    }
}
