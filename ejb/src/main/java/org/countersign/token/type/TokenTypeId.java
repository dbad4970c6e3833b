package org.countersign.token.type;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A token type's id: short lower-case, stored in each token row ({@code totp}, {@code hotp}, {@code sms}, ...).
 *
 * @param value the id
 */
public record TokenTypeId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public TokenTypeId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("token type id must be 2-32 lower-case letters, digits or dashes, got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
