package org.countersign.settings;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;
import org.countersign.support.AfterCompletion;

/** Settings kept in the CS_SETTING table through JPA. */
@Stateless
public class SettingsBean implements SettingsService {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*");

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Inject
    private SettingsSnapshot snapshot;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> find(String key) {
        return Optional.ofNullable(snapshot.get(requireKey(key)));
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
        // read again now (this transaction sees its own change) and once more when it ends, committed or not
        AfterCompletion.nowAndAfter(transactions, snapshot::invalidate);
    }

    private static String requireKey(String key) {
        if (key == null || key.length() > 128 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key must be dotted lower-case words of at most 128 characters, got: " + key);
        }
        return key;
    }
}
