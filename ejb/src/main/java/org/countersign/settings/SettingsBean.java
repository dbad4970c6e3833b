package org.countersign.settings;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;

/** Settings kept in the CS_SETTING table through JPA. */
@Stateless
public class SettingsBean implements SettingsService {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*");

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Override
    public Optional<String> find(String key) {
        return Optional.ofNullable(em.find(Setting.class, requireKey(key))).map(Setting::value);
    }

    @Override
    public void put(String key, String value, SettingScope scope) {
        requireKey(key);
        Objects.requireNonNull(scope, "scope");
        if (value == null || value.length() > 4000) {
            throw new IllegalArgumentException("setting " + key + ": value must be present and at most 4000 characters");
        }
        Setting existing = em.find(Setting.class, key);
        Instant now = Instant.now();
        if (existing == null) {
            em.persist(new Setting(key, value, scope, now));
        } else {
            existing.change(value, scope, now);
        }
    }

    private static String requireKey(String key) {
        if (key == null || key.length() > 128 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key must be dotted lower-case words of at most 128 characters, got: " + key);
        }
        return key;
    }
}
