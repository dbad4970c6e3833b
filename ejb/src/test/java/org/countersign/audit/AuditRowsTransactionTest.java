package org.countersign.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.countersign.api.audit.AuditRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The caller's transaction around an audit insert: suspended before, resumed after, also when the insert fails, and
 * the insert's failure is the one reported. The transaction manager is a stand-in that records the calls: the real
 * one (the server's) is exercised by AuditAndDashboardIT, where a record outlives its caller's rollback.
 */
class AuditRowsTransactionTest {

    private static final AuditEvent EVENT = new AuditEvent(new AuditRecord(Instant.parse("2026-12-07T09:00:00Z"), "auth.radius",
            "REJECTED", "wrong code", "alice", null, null, "radius", "vpn", "10.0.0.7", null));

    private final List<String> calls = new ArrayList<>();
    private final Transaction callers = (Transaction) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Transaction.class}, (proxy, method, args) -> null);

    /** A database without the audit table: every insert fails. */
    private static JdbcDataSource noAuditTable() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:audit-no-table;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    private TransactionManager manager(boolean resumeFails) {
        return (TransactionManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TransactionManager.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    switch (method.getName()) {
                        case "getTransaction":
                        case "suspend":
                            return callers;
                        case "resume":
                            assertSame(callers, args[0]);
                            if (resumeFails) {
                                throw new SystemException("resume refused");
                            }
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void theCallersTransactionIsResumedAfterAFailedInsert() {
        AuditRows rows = new AuditRows(noAuditTable(), manager(false));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> rows.insert(List.of(EVENT)));
        assertTrue(failure.getMessage().startsWith("audit records not written"), failure.getMessage());
        assertEquals(List.of("getTransaction", "suspend", "resume"), calls);
    }

    @Test
    void aFailedResumeDoesNotHideTheInsertsFailure() {
        AuditRows rows = new AuditRows(noAuditTable(), manager(true));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> rows.insert(List.of(EVENT)));
        assertTrue(failure.getMessage().startsWith("audit records not written"), failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
        assertTrue(failure.getSuppressed()[0].getMessage().contains("could not be resumed"));
    }
}
