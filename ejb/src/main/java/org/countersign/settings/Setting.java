package org.countersign.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.countersign.api.settings.SettingScope;
import org.countersign.jpa.InstantColumn;

/** One setting: a key, its value and whether it is shared by the installation or local to this server. */
@Entity
@Table(name = "CS_SETTING")
public class Setting {

    @Id
    @Column(name = "SETTING_KEY", length = 128)
    private String key;

    @Column(name = "SETTING_VALUE", length = 4000, nullable = false)
    private String value;

    @Enumerated(EnumType.STRING)
    @Column(name = "SCOPE", length = 8, nullable = false)
    private SettingScope scope;

    @Convert(converter = InstantColumn.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected Setting() {
    }

    Setting(String key, String value, SettingScope scope, Instant now) {
        this.key = key;
        this.value = value;
        this.scope = scope;
        this.updatedAt = now;
    }

    void change(String newValue, SettingScope newScope, Instant now) {
        this.value = newValue;
        this.scope = newScope;
        this.updatedAt = now;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public SettingScope scope() {
        return scope;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
