package org.countersign.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.countersign.api.audit.AuditRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit of audit records, on a real H2 database: every caller's record is written before it returns. */
class AuditWriterTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private JdbcDataSource database;
    private Connection keepOpen;
    /** Transactions the writer committed, counted by the rows it was given. */
    private final AtomicInteger inserts = new AtomicInteger();

    @BeforeEach
    void createTables() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:audit-writer-" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=10000");
        database.setUser("sa");
        keepOpen = database.getConnection();
        try (Statement s = keepOpen.createStatement()) {
            s.execute("CREATE TABLE CS_SEQUENCE (SEQ_NAME VARCHAR(50) PRIMARY KEY, SEQ_VALUE BIGINT)");
            // the entity's columns; a CHECK stands for whatever makes the database refuse one record
            s.execute("CREATE TABLE CS_AUDIT_EVENT (ID BIGINT PRIMARY KEY, AT TIMESTAMP NOT NULL, CATEGORY VARCHAR(64) NOT NULL, "
                    + "OUTCOME VARCHAR(16) NOT NULL, REASON VARCHAR(32), ACTOR VARCHAR(256) CHECK (ACTOR <> 'refused'), USER_ID VARCHAR(256), "
                    + "TOKEN_ID VARCHAR(36), CHANNEL VARCHAR(32), CLIENT VARCHAR(128), ADDRESS VARCHAR(64), DETAIL VARCHAR(512), "
                    + "LOGIN VARCHAR(256), OTHER_ACTOR VARCHAR(256))");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        keepOpen.close();
    }

    private AuditWriter writer() {
        return new AuditWriter(new AuditRows(database) {
            @Override
            public void insert(List<AuditEvent> events) {
                inserts.incrementAndGet();
                super.insert(events);
            }
        });
    }

    @Test
    void aRecordOfAnHourAlreadyCountedMakesItCountedAgainAfterItIsWritten() throws SQLException {
        HourTallies tallies = new HourTallies();
        AuditWriter writer = new AuditWriter(new AuditRows(database), tallies);
        Instant now = Instant.now();
        Instant settled = now.minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        AtomicInteger counts = new AtomicInteger();
        java.util.function.Function<Instant, Tally> count = hour -> {
            counts.incrementAndGet();
            return Tally.NONE;
        };
        tallies.of(settled, now, count);
        writer.write(record("now")); // the hour under way: nothing kept is forgotten
        tallies.of(settled, now, count);
        assertEquals(1, counts.get(), "kept");
        writer.write(new AuditRecord(settled.plusSeconds(1800), "auth.radius", "REJECTED", null, "late", null, null, "radius", "vpn", null, null));
        tallies.of(settled, now, count);
        assertEquals(2, counts.get(), "counted again once a record of its hour was written");
        // the same for a record joined to a caller's transaction, once the caller says it committed
        try (Connection mine = database.getConnection()) {
            mine.setAutoCommit(false);
            AuditWriter.Joined joined = writer.joining(mine);
            joined.insert(new AuditRecord(settled.plusSeconds(60), "auth.radius", "ACCEPTED", null, "joined", "u", "t", "radius", "vpn", null, null));
            mine.commit();
            tallies.of(settled, now, count);
            assertEquals(2, counts.get(), "kept until the caller says it committed");
            joined.committed();
        }
        tallies.of(settled, now, count);
        assertEquals(3, counts.get(), "counted again once the joined record was committed");
    }

    private static AuditRecord record(String actor) {
        return new AuditRecord(Instant.now(), "auth.radius", "ACCEPTED", null, actor, null, null, "radius", "vpn", "192.0.2.1", null);
    }

    private boolean written(Connection connection, String actor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM CS_AUDIT_EVENT WHERE ACTOR = ?")) {
            select.setString(1, actor);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1) == 1;
            }
        }
    }

    /** What a caller does, numbered from 0; may throw. */
    private interface Caller {
        void run(int thread) throws Exception;
    }

    /** Runs the callers all at once, each on a thread of its own, and fails if they have not all returned within a minute. */
    private static void inThreads(int threads, Caller caller) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    caller.run(thread);
                    return null;
                }));
            }
            start.countDown();
            try {
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /** Rows whose first insert waits until released, so that callers queue behind it; the second ends in an Error if told to. */
    private final class HeldRows extends AuditRows {
        final CountDownLatch firstInside = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        private final boolean secondFails;

        HeldRows(boolean secondFails) {
            super(database);
            this.secondFails = secondFails;
        }

        @Override
        public void insert(List<AuditEvent> events) {
            int call = calls.incrementAndGet();
            if (call == 1) {
                firstInside.countDown();
                try {
                    releaseFirst.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            } else if (call == 2 && secondFails) {
                // not a RuntimeException: no record of this batch is retried alone
                throw new Error("simulated: the writer failed");
            }
            super.insert(events);
        }
    }

    /** Waits until the thread is seen in a park (WAITING); one that spins on a park returning at once may be seen so too. */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, thread.getName() + " never parked: " + thread.getState());
            Thread.sleep(5);
        }
    }

    /** Fails unless every caller has returned from its write within ten seconds each. */
    private static void awaitReturned(List<Thread> callers) throws InterruptedException {
        for (Thread caller : callers) {
            caller.join(10_000);
            assertTrue(!caller.isAlive(), caller.getName() + " still waiting for its record");
        }
    }

    @Test
    void callersWritingTogetherEachFindTheirRecordCommittedWhenWriteReturns() {
        AuditWriter writer = writer();
        int threads = 16;
        int each = 400;
        ConcurrentLinkedQueue<String> missing = new ConcurrentLinkedQueue<>();
        inThreads(threads, thread -> {
            try (Connection reader = database.getConnection()) {
                for (int i = 0; i < each; i++) {
                    String actor = "user-" + thread + "-" + i;
                    writer.write(record(actor));
                    // committed: another connection sees it at once
                    if (!written(reader, actor)) {
                        missing.add(actor);
                    }
                }
            }
        });
        assertEquals(List.of(), List.copyOf(missing));
        try (Statement s = keepOpen.createStatement(); ResultSet row = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT ID) FROM CS_AUDIT_EVENT")) {
            row.next();
            assertEquals(threads * each, row.getInt(1));
            assertEquals(threads * each, row.getInt(2));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        // how far the records shared transactions: printed, not asserted (it depends on the machine's scheduling)
        System.out.printf("AuditWriterTest: %d records by %d threads in %d transactions%n", threads * each, threads, inserts.get());
    }

    @Test
    void aRecordTheDatabaseRefusesFailsItsOwnCallerOnlyAndNobodyIsLeftWaiting() {
        AuditWriter writer = writer();
        int threads = 8;
        int each = 200;
        AtomicInteger refusedSeen = new AtomicInteger();
        inThreads(threads, thread -> {
            for (int i = 0; i < each; i++) {
                if (i % 10 == thread % 10) {
                    assertThrows(RuntimeException.class, () -> writer.write(record("refused")));
                    refusedSeen.incrementAndGet();
                } else {
                    writer.write(record("ok-" + thread + "-" + i));
                }
            }
        });
        try (Statement s = keepOpen.createStatement();
                ResultSet row = s.executeQuery("SELECT COUNT(*), COUNT(CASE WHEN ACTOR = 'refused' THEN 1 END) FROM CS_AUDIT_EVENT")) {
            row.next();
            assertEquals(threads * each - refusedSeen.get(), row.getInt(1));
            assertEquals(0, row.getInt(2));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(threads * each / 10, refusedSeen.get());
    }

    @Test
    void anErrorWhileWritingABatchFailsEveryCallerInItAndLeavesNoneWaiting() throws Exception {
        HeldRows rows = new HeldRows(true);
        AuditWriter writer = new AuditWriter(rows);
        ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (String actor : List.of("first", "second", "third")) {
            Thread caller = new Thread(() -> {
                try {
                    writer.write(record(actor));
                } catch (Throwable t) {
                    thrown.add(t);
                }
            }, "caller-" + actor);
            callers.add(caller);
        }
        callers.get(0).start();
        rows.firstInside.await();
        // the second and third queue behind the first's batch and wait for it
        callers.get(1).start();
        callers.get(2).start();
        for (Thread waiting : callers.subList(1, 3)) {
            awaitParked(waiting);
        }
        rows.releaseFirst.countDown();
        awaitReturned(callers);
        // the second batch held both others: whoever wrote it got the Error, the other a failure of its own
        assertEquals(2, rows.calls.get());
        assertEquals(2, thrown.size());
        assertEquals(1, thrown.stream().filter(t -> t instanceof Error).count());
        assertEquals(1, thrown.stream().filter(t -> t instanceof IllegalStateException).count());
        try (Connection c = database.getConnection()) {
            assertTrue(written(c, "first"));
            assertTrue(!written(c, "second") && !written(c, "third"));
        }
    }

    @Test
    void anInterruptedCallerWaitsParkedForItsRecordAndKeepsTheInterrupt() throws Exception {
        HeldRows rows = new HeldRows(false);
        AuditWriter writer = new AuditWriter(rows);
        Thread first = new Thread(() -> writer.write(record("first")), "caller-first");
        first.start();
        rows.firstInside.await();
        AtomicBoolean keptInterrupt = new AtomicBoolean();
        Thread interrupted = new Thread(() -> {
            Thread.currentThread().interrupt();
            writer.write(record("interrupted"));
            keptInterrupt.set(Thread.currentThread().isInterrupted());
        }, "caller-interrupted");
        interrupted.start();
        // behind the first caller's batch: parked, not spinning on a park that the interrupt makes return at once
        awaitParked(interrupted);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getThreadCpuTime(interrupted.getId());
        Thread.sleep(500);
        long spent = threads.getThreadCpuTime(interrupted.getId()) - cpu;
        assertTrue(spent < 100_000_000L, "the waiting caller used " + spent / 1_000_000 + " ms of CPU in 500 ms");
        rows.releaseFirst.countDown();
        awaitReturned(List.of(first, interrupted));
        assertTrue(keptInterrupt.get(), "the interrupt is kept for the caller");
        try (Connection c = database.getConnection()) {
            assertTrue(written(c, "first") && written(c, "interrupted"));
        }
    }

    @Test
    void aJoinedRecordIsCommittedWithTheCallersRowsAndRolledBackWithThem() throws SQLException {
        try (Statement s = keepOpen.createStatement()) {
            s.execute("CREATE TABLE CALLERS_ROW (NAME VARCHAR(16) PRIMARY KEY)");
        }
        AuditWriter writer = writer();
        try (Connection mine = database.getConnection(); Connection other = database.getConnection()) {
            mine.setAutoCommit(false);
            // the first record of a new database: its id block is reserved, and committed, before the caller writes
            AuditWriter.Joined joined = writer.joining(mine);
            try (Statement s = mine.createStatement()) {
                s.execute("INSERT INTO CALLERS_ROW VALUES ('kept')");
            }
            joined.insert(record("joined-kept"));
            assertFalse(written(other, "joined-kept"), "not before the caller's commit");
            mine.commit();
            joined.committed();
            assertTrue(written(other, "joined-kept"));

            AuditWriter.Joined undone = writer.joining(mine);
            try (Statement s = mine.createStatement()) {
                s.execute("INSERT INTO CALLERS_ROW VALUES ('undone')");
            }
            undone.insert(record("joined-undone"));
            assertThrows(IllegalStateException.class, () -> undone.insert(record("joined-twice")), "one record per transaction");
            mine.rollback();
            assertFalse(written(other, "joined-undone"), "gone with the caller's rows");
            try (Statement s = other.createStatement(); ResultSet rows = s.executeQuery("SELECT NAME FROM CALLERS_ROW")) {
                assertTrue(rows.next());
                assertEquals("kept", rows.getString(1));
                assertFalse(rows.next());
            }
        }
        try (Connection mine = database.getConnection()) {
            mine.setAutoCommit(false);
            AuditWriter.Joined refused = writer.joining(mine);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> refused.insert(record("refused")));
            assertTrue(e.getMessage().startsWith("audit record not written: "), e.getMessage());
            mine.rollback();
        }
        assertEquals(0, inserts.get(), "no transaction of the writer's own");
        writer.write(record("after")); // the group commit goes on from the same id block, past the ids never used
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet ids = s.executeQuery("SELECT ACTOR, ID FROM CS_AUDIT_EVENT ORDER BY ID")) {
            assertTrue(ids.next());
            assertEquals("joined-kept", ids.getString(1));
            assertEquals(1, ids.getLong(2));
            assertTrue(ids.next());
            assertEquals("after", ids.getString(1));
            assertEquals(4, ids.getLong(2));
            assertFalse(ids.next());
        }
    }
}
