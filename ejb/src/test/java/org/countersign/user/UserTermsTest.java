package org.countersign.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTermsTest {

    @Test
    void termsHoldLoginNameWordsMailPartsAndEveryTailOfTheMobileDigits() {
        Set<String> terms = UserTerms.of("JDoe", "Jane O'Brien-Müller", "Jane.Doe@Example.org", "+44 (7700) 900-123");
        assertEquals(List.of("jdoe", "jane", "o'brien-muller", "o", "brien", "muller", "jane.doe@example.org", "jane.doe", "doe",
                "example.org", "447700900123", "47700900123", "7700900123", "700900123", "00900123", "0900123", "900123", "00123", "0123"),
                List.copyOf(terms));
        assertEquals(Set.of("jdoe"), UserTerms.of("jdoe", null, null, null));
        assertEquals(Set.of("x".repeat(UserTerms.MAX_LENGTH)), UserTerms.of("x".repeat(2000), " ", "", null));
    }

    @Test
    void searchWordsAreFoldedLikeTermsAndNumbersKeepOnlyTheirDigits() {
        assertEquals(List.of("muller", "44", "7700", "900123"), UserTerms.searchWords("  MÜLLER  +44 (7700) 900-123"));
        assertEquals(List.of("o'brien"), UserTerms.searchWords("O'Brien"));
        assertEquals(List.of(), UserTerms.searchWords(" \t "));
        assertEquals(6, UserTerms.searchWords("a b c d e f g h").size());
        assertEquals(UserTerms.MAX_LENGTH, UserTerms.searchWords("y".repeat(100)).get(0).length());
    }

    @Test
    void everyWordOfAUserIsTheBeginningOfOneOfItsTerms() {
        Set<String> terms = UserTerms.of("zsmith1234", "Zoë Smith", "zsmith1234@example.org", "+44 7700 123456");
        for (String word : UserTerms.searchWords("zoe SMI 7700 3456 zsmith1234@exa example")) {
            assertTrue(terms.stream().anyMatch(t -> t.startsWith(word)), word);
        }
    }
}
