package org.countersign.web.admin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.countersign.api.audit.AuditQuery;
import org.junit.jupiter.api.Test;

class AuditFilterFormTest {

    private static Map<String, String> parse(String queryString) {
        Map<String, String> p = new HashMap<>();
        for (String pair : queryString.split("&")) {
            String[] kv = pair.split("=", 2);
            p.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theExportLinkCarriesTheSameFilterThePageApplies() {
        AuditFilterForm form = new AuditFilterForm();
        form.setUser("anne & co");
        form.setClient("vpn=1");
        form.setOutcome("REJECTED");
        form.setFrom(LocalDateTime.parse("2026-11-23T08:00"));
        String query = form.queryString();
        assertEquals("user=anne+%26+co&client=vpn%3D1&outcome=REJECTED&from=2026-11-23T08%3A00", query);
        AuditQuery back = AuditFilterForm.of(parse(query)::get).query();
        assertEquals(form.query(), back);
        assertNull(back.category());
        assertNull(back.to());
    }

    @Test
    void emptyFilterIsEverythingAndBadTimesAreRefused() {
        assertEquals("", new AuditFilterForm().queryString());
        assertEquals(AuditQuery.all(), AuditFilterForm.of(k -> null).query());
        assertThrows(IllegalArgumentException.class, () -> AuditFilterForm.of(Map.of("from", "yesterday")::get));
    }
}
