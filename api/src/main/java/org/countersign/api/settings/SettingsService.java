package org.countersign.api.settings;

import jakarta.ejb.Local;
import java.util.Optional;

/** Reads and writes settings. Implementations are container-managed and thread-safe. */
@Local
public interface SettingsService {

    /**
     * @param key a dotted lower-case name
     * @return the stored value, or empty if the setting was never written
     */
    Optional<String> find(String key);

    /**
     * Creates or replaces a setting.
     *
     * @param key a dotted lower-case name of at most 128 characters
     * @param value the value, at most 4000 characters; never a secret (secrets are sealed elsewhere)
     * @param scope GLOBAL or LOCAL
     * @throws IllegalArgumentException if the key or value is not acceptable
     */
    void put(String key, String value, SettingScope scope);
}
