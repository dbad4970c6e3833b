package org.countersign.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import org.countersign.api.audit.AuditRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "alice|alice",
        "a,b|`\"a,b\"`",
        "say \"hi\"|`\"say \"\"hi\"\"\"`",
        "=HYPERLINK(\"x\")|`\"'=HYPERLINK(\"\"x\"\")\"`",
        "+1 555|'+1 555",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "=1,2|`\"'=1,2\"`",
        "a=b|a=b",
    })
    void quotesAndNeutralisesCells(String value, String expected) {
        assertEquals(expected, AuditCsv.cell(value));
    }

    @Test
    void lineBreaksAndLeadingControlCharactersAreQuotedAndNeutralised() {
        assertEquals("\"two\nlines\"", AuditCsv.cell("two\nlines"));
        assertEquals("\"'\rcarriage\"", AuditCsv.cell("\rcarriage"));
        assertEquals("'\tTAB", AuditCsv.cell("\tTAB"));
        assertEquals("", AuditCsv.cell(null));
    }

    @Test
    void rowsHaveElevenFieldsAndCrLfLineEnds() throws IOException {
        StringWriter out = new StringWriter();
        AuditCsv.header(out);
        AuditCsv.row(out, new AuditRecord(Instant.parse("2026-11-23T08:00:00Z"), "auth.radius", "REJECTED", "wrong password", "=cmd|' /C calc'!A0",
                null, null, "radius", "vpn, main", "10.0.0.1", "mode CHALLENGE"));
        assertEquals(AuditCsv.HEADER + "\r\n"
                + "2026-11-23T08:00:00Z,auth.radius,REJECTED,wrong password,'=cmd|' /C calc'!A0,,,radius,\"vpn, main\",10.0.0.1,mode CHALLENGE\r\n",
                out.toString());
    }
}
