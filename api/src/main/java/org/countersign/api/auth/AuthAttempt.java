package org.countersign.api.auth;

import java.util.Objects;

/**
 * One authentication attempt. {@link #toString()} never shows the secret or the state.
 *
 * @param channel the entry point ({@code radius}, {@code secserver}, ...)
 * @param client the RADIUS client or agent name
 * @param address the remote address, or {@code null}
 * @param mode {@code PASSWORD_AND_PASSCODE}, {@code CHALLENGE} or {@code PASSCODE_ONLY}
 * @param login what the user typed as user name
 * @param secret what the user typed as password: password, password followed by passcode, or passcode
 * @param state the State of a challenge being answered, or {@code null}
 */
public record AuthAttempt(String channel, String client, String address, String mode, String login, char[] secret, byte[] state) {

    public AuthAttempt {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(mode, "mode");
        secret = secret == null ? null : secret.clone();
        state = state == null ? null : state.clone();
    }

    @Override
    public char[] secret() {
        return secret == null ? null : secret.clone();
    }

    @Override
    public byte[] state() {
        return state == null ? null : state.clone();
    }

    @Override
    public String toString() {
        return "AuthAttempt[" + channel + "/" + client + ", mode=" + mode + ", login=" + login + ", secret=(hidden), state="
                + (state == null ? "absent" : "(hidden)") + "]";
    }
}
