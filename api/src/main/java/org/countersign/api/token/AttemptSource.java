package org.countersign.api.token;

import java.util.Objects;

/**
 * Where a verification attempt came from, for the audit record and per-source limits.
 *
 * @param channel the entry point: {@code radius}, {@code secserver}, {@code enrol-portal}, {@code losttoken-portal}, {@code admin}
 * @param client the RADIUS client name, portal name or agent; never {@code null}
 * @param address the remote address as text, or {@code null} when unknown
 */
public record AttemptSource(String channel, String client, String address) {

    public AttemptSource {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(client, "client");
    }
}
