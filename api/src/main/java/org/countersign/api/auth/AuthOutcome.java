package org.countersign.api.auth;

import java.util.Set;

/** The decision on an authentication attempt. */
public sealed interface AuthOutcome permits AuthOutcome.Accept, AuthOutcome.Reject, AuthOutcome.Challenge {

    /**
     * @param userId the directory-qualified user let in
     * @param groups the DNs of the user's groups, lower-cased, for reply attributes by group
     */
    record Accept(String userId, Set<String> groups) implements AuthOutcome {

        public Accept {
            groups = groups == null ? Set.of() : Set.copyOf(groups);
        }
    }

    /** @param reason for the audit record only: never shown to the user */
    record Reject(String reason) implements AuthOutcome {
    }

    /**
     * Ask for the second factor.
     *
     * @param state random, single-use, bound to the user and the client; must come back with the answer
     * @param message what to show the user
     */
    record Challenge(byte[] state, String message) implements AuthOutcome {
        public Challenge {
            state = state.clone();
        }

        @Override
        public byte[] state() {
            return state.clone();
        }

        @Override
        public String toString() {
            return "Challenge[state=(hidden), message=" + message + "]";
        }
    }
}
