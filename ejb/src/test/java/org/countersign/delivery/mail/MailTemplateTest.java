package org.countersign.delivery.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

    @Test
    void expandsKnownPlaceholdersAndLeavesUnknownOnes() {
        MailTemplate t = new MailTemplate("Hi {name}, code {code} for {minutes} min {unknown}");
        assertEquals("Hi Ann, code 123456 for 5 min {unknown}", t.render(Map.of("name", "Ann", "code", "123456", "minutes", "5")));
    }

    @Test
    void valuesAreNeverExpandedAgain() {
        MailTemplate t = new MailTemplate("Hello {name}, your code is {code}");
        assertEquals("Hello {code} $1 \\, your code is 42", t.render(Map.of("name", "{code} $1 \\", "code", "42")));
    }

    @Test
    void fallsBackWhenTheStoredTemplateIsEmptyOrLacksTheRequiredPlaceholder() {
        Map<String, String> values = Map.of("code", "9");
        assertEquals("default 9", MailTemplate.of(null, "default {code}", "code").render(values));
        assertEquals("default 9", MailTemplate.of("  ", "default {code}", "code").render(values));
        assertEquals("default 9", MailTemplate.of("no code here", "default {code}", "code").render(values));
        assertEquals("mine 9", MailTemplate.of("mine {code}", "default {code}", "code").render(values));
    }

    @Test
    void subjectLinesLoseLineBreaks() {
        assertEquals("a b c", new MailTemplate("a\r\nb\n{x}").renderLine(Map.of("x", "c\n")));
    }
}
