package org.countersign.delivery.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text with {@code {name}} placeholders. Expansion is one pass over the template: text that a
 * value brings in is never expanded again, and unknown placeholders stay as written. Immutable, thread-safe.
 */
final class MailTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final String text;

    MailTemplate(String text) {
        this.text = text;
    }

    /** @return the template, or {@code fallback} when the stored one is empty or lacks a placeholder it must have */
    static MailTemplate of(String stored, String fallback, String required) {
        boolean usable = stored != null && !stored.isBlank() && (required == null || stored.contains("{" + required + "}"));
        return new MailTemplate(usable ? stored : fallback);
    }

    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** @return the rendered text on one line, for a subject header */
    String renderLine(Map<String, String> values) {
        return render(values).replaceAll("[\\r\\n]+", " ").strip();
    }
}
