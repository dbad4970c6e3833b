package org.countersign.support;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value read from the database and used for a while instead of reading it on every request: read again once older
 * than its maximum age (so a change made on another server of a cluster applies within that time), or at once after
 * {@link #invalidate()} (a change made here). Thread-safe; two threads may read at the same moment, the later wins.
 *
 * @param <T> an immutable value
 */
public final class TimedSnapshot<T> {

    private record Taken<T>(long at, T value) {
    }

    private final long maxAgeNanos;
    private volatile Taken<T> current;

    public TimedSnapshot(long maxAgeNanos) {
        this.maxAgeNanos = maxAgeNanos;
    }

    /** @param reader reads the value when there is none or it is too old */
    public T get(Supplier<T> reader) {
        Taken<T> taken = current;
        long now = System.nanoTime();
        if (taken == null || now - taken.at() > maxAgeNanos) {
            taken = new Taken<>(now, reader.get());
            current = taken;
        }
        return taken.value();
    }

    /** @return the value when one was read and is not too old; never reads */
    public Optional<T> fresh() {
        Taken<T> taken = current;
        return taken == null || System.nanoTime() - taken.at() > maxAgeNanos ? Optional.empty() : Optional.of(taken.value());
    }

    /** Forgets the value: the next {@link #get} reads it. */
    public void invalidate() {
        current = null;
    }
}
