package org.countersign.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.countersign.audit.AuditEvent;
import org.countersign.token.Token;
import org.junit.jupiter.api.Test;

class IndexUpkeepTest {

    @Table(name = "T_ODD", indexes = {@Index(name = "T_ODD_OK", columnList = "A, B DESC"), @Index(name = "bad name", columnList = "A"),
        @Index(name = "T_ODD_INJECT", columnList = "A); DROP TABLE X; --")})
    static class Odd {
    }

    @Test
    void declaresEveryAuditIndexAndRefusesWhatIsNotAPlainName() {
        List<String> ddl = IndexUpkeep.statements(List.of(AuditEvent.class, Odd.class));
        assertTrue(ddl.contains("CREATE INDEX IF NOT EXISTS CS_AUDIT_CLIENT ON CS_AUDIT_EVENT (CLIENT, AT)"), ddl.toString());
        assertTrue(ddl.contains("CREATE INDEX IF NOT EXISTS T_ODD_OK ON T_ODD (A, B DESC)"), ddl.toString());
        assertEquals(6, ddl.size(), "five audit indexes and the one plain odd one: " + ddl);
    }

    @Test
    void declaresTheIndexesOfASecondaryTableOnThatTable() {
        assertEquals(List.of("CREATE INDEX IF NOT EXISTS CS_TOKEN_USER ON CS_TOKEN (USER_ID)",
                "CREATE INDEX IF NOT EXISTS CS_TOKEN_STATUS ON CS_TOKEN (STATUS, USER_ID)"), IndexUpkeep.statements(List.of(Token.class)));
    }

    @Test
    void createsMissingIndexesOnATableMadeBeforeThemAndIsRepeatable() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:upkeep;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CS_AUDIT_EVENT (ID BIGINT PRIMARY KEY, AT VARBINARY(255), CATEGORY VARCHAR(64), OUTCOME VARCHAR(16),"
                    + " REASON VARCHAR(32), ACTOR VARCHAR(256), USER_ID VARCHAR(256), CLIENT VARCHAR(128), LOGIN VARCHAR(256),"
                    + " OTHER_ACTOR VARCHAR(256))");
            s.execute("CREATE INDEX CS_AUDIT_CLIENT ON CS_AUDIT_EVENT (CLIENT, AT)");
            for (int round = 0; round < 2; round++) {
                for (String ddl : IndexUpkeep.statements(List.of(AuditEvent.class))) {
                    s.execute(ddl);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'CS_AUDIT_EVENT'"
                    + " AND INDEX_NAME LIKE 'CS_AUDIT_%'")) {
                rs.next();
                assertEquals(5, rs.getInt(1));
            }
        }
    }
}
