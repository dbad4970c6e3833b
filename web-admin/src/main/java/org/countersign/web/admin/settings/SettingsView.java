package org.countersign.web.admin.settings;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;
import org.countersign.web.admin.ConsoleMessages;
import org.countersign.web.admin.ConsoleUser;

/** Global policy settings with their ranges; each change is audited with the old and new value (never a secret: none here). */
@Named
@ViewScoped
public class SettingsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One editable setting: its key, default, and the range of a number ({@code min > max} for text). */
    public record Field(String key, String defaultValue, int min, int max, String kind) {
        String id() {
            return key.replace('.', '_').replace('-', '_');
        }
    }

    /** The settings on the page, in order. */
    public static final List<Field> FIELDS = List.of(
            new Field("passcode.digits", "6", 6, 8, "number"),
            new Field("otp.window", "1", 0, 10, "number"),
            new Field("lockout.threshold", "10", 1, 100, "number"),
            new Field("lockout.timed-unlock-minutes", "0", 0, 1440, "number"),
            new Field("lockout.hard-limit", "30", 1, 1000, "number"),
            new Field("passcode.lifetime-minutes", "10", 1, 1440, "number"),
            new Field("daycode.send-time", "06:00", 1, 0, "time"),
            new Field("sms.template", "Your passcode is {code}", 1, 0, "text"),
            new Field("mail.template", "Your Countersign passcode is {code}. It is valid for {minutes} minutes.", 1, 0, "text"),
            new Field("auth.allow-password-only", "false", 1, 0, "boolean"),
            new Field("console.session-timeout-minutes", "15", 1, 480, "number"));

    @EJB
    private transient SettingsService settings;

    @EJB
    private transient AuditService audit;

    @Inject
    private ConsoleUser user;

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> stored = new LinkedHashMap<>();

    public Map<String, String> getValues() {
        if (values.isEmpty()) {
            for (Field f : FIELDS) {
                String v = settings.find(f.key()).orElse(f.defaultValue());
                values.put(f.key(), v);
                stored.put(f.key(), v);
            }
        }
        return values;
    }

    public boolean isAllowPasswordOnly() {
        return Boolean.parseBoolean(getValues().get("auth.allow-password-only"));
    }

    public void setAllowPasswordOnly(boolean allow) {
        getValues().put("auth.allow-password-only", String.valueOf(allow));
    }

    public void save() {
        getValues();
        boolean valid = true;
        for (Field f : FIELDS) {
            String v = values.get(f.key()) == null ? "" : values.get(f.key()).strip();
            String error = check(f, v);
            if (error != null) {
                ConsoleMessages.error("settings:" + f.id(), error, f.min(), f.max());
                valid = false;
            }
        }
        if (Integer.parseInt(values.get("lockout.hard-limit").strip()) < Integer.parseInt(values.get("lockout.threshold").strip())) {
            ConsoleMessages.error("settings:" + FIELDS.get(4).id(), "settings.error.hardLimit");
            valid = false;
        }
        if (!valid) {
            return;
        }
        int changed = 0;
        for (Field f : FIELDS) {
            String v = values.get(f.key()).strip();
            if (!v.equals(stored.get(f.key()))) {
                settings.put(f.key(), v, SettingScope.GLOBAL);
                audit.record(new AuditRecord(Instant.now(), "settings.change", "DONE", null, user.getLogin(), null, null, "admin",
                        "admin-console", user.getAddress(), f.key() + ": " + shorten(stored.get(f.key())) + " -> " + shorten(v)));
                stored.put(f.key(), v);
                changed++;
            }
        }
        ConsoleMessages.info("settings.saved", changed);
    }

    private static String check(Field f, String v) {
        switch (f.kind()) {
            case "number" -> {
                try {
                    int n = Integer.parseInt(v);
                    return n >= f.min() && n <= f.max() ? null : "settings.error.range";
                } catch (NumberFormatException e) {
                    return "settings.error.range";
                }
            }
            case "time" -> {
                return v.matches("([01][0-9]|2[0-3]):[0-5][0-9]") ? null : "settings.error.time";
            }
            case "text" -> {
                return v.isEmpty() || v.length() > 1000 ? "settings.error.text" : (v.contains("{code}") ? null : "settings.error.code");
            }
            default -> {
                return null;
            }
        }
    }

    private static String shorten(String s) {
        return s == null ? "(none)" : s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
