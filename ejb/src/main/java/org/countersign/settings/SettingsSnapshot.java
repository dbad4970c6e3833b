package org.countersign.settings;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.countersign.support.TimedSnapshot;

/**
 * All settings as last read from CS_SETTING, so that a RADIUS request does not read a dozen rows (an absent key would
 * go to the database on every look-up). Read again after a few seconds, so a change made on another server of a
 * cluster applies within that time; a change made here applies at once ({@link #invalidate()}). Thread-safe.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SettingsSnapshot {

    /** How long a snapshot is used before the table is read again. */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("countersign.settings.refresh-seconds", 2));

    private final TimedSnapshot<Map<String, String>> values = new TimedSnapshot<>(MAX_AGE_NANOS);

    /**
     * @param reader reads every setting, key to value, when the snapshot is missing or older than {@link #MAX_AGE_NANOS}
     * @return the value of a key, or {@code null}
     */
    public String get(String key, Supplier<Map<String, String>> reader) {
        return values.get(() -> Map.copyOf(reader.get())).get(key);
    }

    /** Forgets the snapshot: the next look-up reads the table. */
    public void invalidate() {
        values.invalidate();
    }
}
