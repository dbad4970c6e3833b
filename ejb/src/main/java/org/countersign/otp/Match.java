package org.countersign.otp;

/** Where in a window a code matched; never -1 or null. */
public sealed interface Match permits Match.Found, Match.NotFound, Match.Replayed {

    /** @param step the time step or counter that matched, newer than the last accepted one */
    record Found(long step) implements Match {
    }

    /** No step in the window gives this code. */
    record NotFound() implements Match {
    }

    /** @param step the matching step, which is at or before the last accepted one: a replay */
    record Replayed(long step) implements Match {
    }
}
