package org.countersign.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.countersign.support.TimedSnapshot;

/**
 * All settings as last read from CS_SETTING, so that a RADIUS request does not read a dozen rows (an absent key would
 * go to the database on every look-up). Read again after a few seconds, so a change made on another server of a
 * cluster applies within that time; a change made here applies at once ({@link #invalidate()}). Thread-safe.
 */
@ApplicationScoped
public class SettingsSnapshot {

    /** How long a snapshot is used before the table is read again. */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("countersign.settings.refresh-seconds", 2));

    private final TimedSnapshot<Map<String, String>> values = new TimedSnapshot<>(MAX_AGE_NANOS);

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    /** @return the value of a key as of the current snapshot, or {@code null} */
    public String get(String key) {
        return all().get(key);
    }

    /**
     * @return every setting as of the current snapshot (read when missing or older than {@link #MAX_AGE_NANOS}); the same
     *         instance until the snapshot is read again, so a value derived from several settings can be kept for as long
     *         as this map is the one returned
     */
    public Map<String, String> all() {
        return values.get(this::readAll);
    }

    private Map<String, String> readAll() {
        Map<String, String> read = new HashMap<>();
        for (Setting setting : em.createQuery("SELECT s FROM Setting s", Setting.class).getResultList()) {
            read.put(setting.key(), setting.value());
        }
        return Map.copyOf(read);
    }

    /** Forgets the snapshot: the next look-up reads the table. */
    public void invalidate() {
        values.invalidate();
    }
}
