package org.countersign.api.token;

import java.util.Objects;

/**
 * Where a verification attempt came from, for the audit record and per-source limits.
 *
 * @param channel the entry point: {@code radius}, {@code secserver}, {@code enrol-portal}, {@code losttoken-portal}, {@code admin}
 * @param client the RADIUS client name, portal name or agent; never {@code null}
 * @param address the remote address as text, or {@code null} when unknown
 * @param callerAudits the caller writes one audit record of the whole attempt itself, naming the token accepted: the
 *                     token service then writes no second record for an accepted code (rejections, locks and unlocks
 *                     are still recorded by the token service)
 */
public record AttemptSource(String channel, String client, String address, boolean callerAudits) {

    public AttemptSource {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(client, "client");
    }

    /** An attempt the token service records in full. */
    public AttemptSource(String channel, String client, String address) {
        this(channel, client, address, false);
    }
}
