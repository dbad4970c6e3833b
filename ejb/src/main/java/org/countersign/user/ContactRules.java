package org.countersign.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.countersign.api.user.UserAdminException;

/** What a mobile number and an e-mail address must look like before they are written to a directory. Thread-safe. */
final class ContactRules {

    private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9 ().\\-]*");
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private ContactRules() {
    }

    /**
     * @return the number, stripped, as the directory should store it
     * @throws UserAdminException (field {@code mobile}) unless it is an optional + and 6 to 15 digits, with spaces, dashes, dots or brackets
     */
    static String mobile(String value) {
        String v = value.strip();
        long digits = v.chars().filter(Character::isDigit).count();
        if (!MOBILE.matcher(v).matches() || digits < 6 || digits > 15) {
            throw new UserAdminException("mobile", "a mobile number is + and 6 to 15 digits, such as +44 7700 900123");
        }
        return v;
    }

    /**
     * @return the address, stripped, domain lower-cased
     * @throws UserAdminException (field {@code mail}) unless it is one local part, one @ and a domain with a dot, at most 254 characters
     */
    static String mail(String value) {
        String v = value.strip();
        if (v.length() > 254 || !MAIL.matcher(v).matches()) {
            throw new UserAdminException("mail", "an e-mail address such as name@example.org");
        }
        int at = v.indexOf('@');
        return v.substring(0, at) + v.substring(at).toLowerCase(Locale.ROOT);
    }
}
