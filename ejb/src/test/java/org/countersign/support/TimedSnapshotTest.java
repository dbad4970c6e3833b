package org.countersign.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimedSnapshotTest {

    @Test
    void freshNeverReadsAndSeesOnlyAValueYoungerThanTheMaximumAge() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        TimedSnapshot<Integer> snapshot = new TimedSnapshot<>(50_000_000L);
        assertEquals(Optional.empty(), snapshot.fresh());
        assertEquals(1, snapshot.get(reads::incrementAndGet));
        assertEquals(Optional.of(1), snapshot.fresh());
        assertEquals(1, snapshot.get(reads::incrementAndGet), "still young: not read again");
        Thread.sleep(80);
        assertEquals(Optional.empty(), snapshot.fresh(), "too old");
        assertEquals(1, reads.get(), "fresh() read nothing");
        assertEquals(2, snapshot.get(reads::incrementAndGet));
        snapshot.invalidate();
        assertEquals(Optional.empty(), snapshot.fresh());
    }
}
