package org.countersign.user;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a user can be found by, and the words of a search, folded the same way: lower-case, accents
 * removed ({@code Müller} is found as {@code muller} and {@code mül}). A search word matches a user when
 * it begins one of the user's terms. Terms: the login and each word of the display name, whole and split
 * at punctuation ({@code o'brien}, {@code o}, {@code brien}); the e-mail address whole, its local part
 * and its domain; the mobile number's digits and every tail of them of at least {@link #MIN_DIGITS}
 * digits, so any run of digits of the number is found. Pure functions; thread-safe.
 */
public final class UserTerms {

    /** Version of these rules; users whose terms an older version wrote get them again when next indexed. */
    public static final int VERSION = 1;

    /** Longest term kept; longer words are cut, and so are search words, so they still match. */
    public static final int MAX_LENGTH = 64;

    /** Shortest tail of a mobile number kept as a term. */
    static final int MIN_DIGITS = 4;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9().\\-]*[0-9][+0-9().\\-]*");
    private static final int MAX_WORDS = 6;

    private UserTerms() {
    }

    /** @return the distinct terms of a user, none longer than {@link #MAX_LENGTH} */
    public static Set<String> of(String login, String displayName, String mail, String mobile) {
        Set<String> terms = new LinkedHashSet<>();
        words(login, terms);
        words(displayName, terms);
        String address = fold(mail);
        if (!address.isEmpty()) {
            add(address, terms);
            int at = address.lastIndexOf('@');
            if (at > 0) {
                words(address.substring(0, at), terms);
                add(address.substring(at + 1), terms);
            }
        }
        String digits = UserRecord.digits(mobile);
        if (digits != null && !digits.isEmpty()) {
            add(digits, terms);
            for (int start = 1; digits.length() - start >= MIN_DIGITS; start++) {
                add(digits.substring(start), terms);
            }
        }
        return terms;
    }

    /**
     * The words of a search text, folded as the terms are, at most six; a phone-like word is reduced to its digits.
     */
    public static List<String> searchWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SPACES.split(fold(text)))
                .map(w -> PHONE.matcher(w).matches() ? UserRecord.digits(w) : w)
                .map(w -> w.length() > MAX_LENGTH ? w.substring(0, MAX_LENGTH) : w)
                .filter(w -> !w.isEmpty()).distinct().limit(MAX_WORDS).toList();
    }

    /** Lower-case without accents, stripped; empty for {@code null}. */
    static String fold(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    private static void words(String value, Set<String> terms) {
        for (String word : SPACES.split(fold(value))) {
            add(word, terms);
            String[] parts = PUNCTUATION.split(word);
            if (parts.length > 1 || parts.length == 1 && !parts[0].equals(word)) {
                for (String part : parts) {
                    add(part, terms);
                }
            }
        }
    }

    private static void add(String term, Set<String> terms) {
        if (!term.isEmpty()) {
            terms.add(term.length() > MAX_LENGTH ? term.substring(0, MAX_LENGTH) : term);
        }
    }
}
