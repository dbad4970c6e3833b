package org.countersign.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.function.Consumer;
import org.countersign.api.directory.DirectoryUserView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The login's check of a user's index row by JDBC, against rows JPA wrote (H2, the test persistence unit's tables). */
class IndexedRowTest {

    private static final String URL = "jdbc:h2:mem:indexed-row;MODE=LEGACY;DB_CLOSE_DELAY=-1";
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00.123456Z");
    private static final DirectoryUserView JANE = new DirectoryUserView("corp:jdoe", "corp", "jdoe", "Jane Doe", "+447700900123", "jane@example.org", true);
    private static EntityManagerFactory emf;

    @BeforeAll
    static void open() {
        emf = UserIndexFixture.open(URL);
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private static void write(String id, Consumer<UserRecord> change) {
        inTransaction(em -> change.accept(em.find(UserRecord.class, id)));
    }

    private static void add(DirectoryUserView user) {
        inTransaction(em -> {
            UserRecord record = new UserRecord(user, T0);
            record.seen(T0);
            em.persist(record);
        });
    }

    private static IndexedRow read(String id) throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            return IndexedRow.read(connection, id).orElse(null);
        }
    }

    @Test
    void aRowAsTheDirectoryDescribesTheUserIsCurrentOnlyOnceItsTermsAreWrittenByTheseRules() throws Exception {
        add(JANE);
        IndexedRow row = read(JANE.userId());
        assertEquals(new IndexedRow("jdoe", "Jane Doe", "+447700900123", "jane@example.org", true, false, null, T0), row);
        assertFalse(row.current(JANE), "no terms written yet: the record path writes them");
        write(JANE.userId(), UserRecord::termsWritten);
        assertTrue(read(JANE.userId()).current(JANE));
        assertEquals(null, read("corp:nobody"), "a user the index does not hold");
    }

    @Test
    void anyDirectoryValueThatChangedOrAMissingMarkMakesTheRowOutOfDate() throws Exception {
        DirectoryUserView bob = new DirectoryUserView("corp:bob", "corp", "bob", "Bob", null, "bob@example.org", false);
        add(bob);
        write(bob.userId(), UserRecord::termsWritten);
        assertTrue(read(bob.userId()).current(bob));
        for (DirectoryUserView changed : new DirectoryUserView[] {
                new DirectoryUserView("corp:bob", "corp", "bob2", "Bob", null, "bob@example.org", false),
                new DirectoryUserView("corp:bob", "corp", "bob", "Robert", null, "bob@example.org", false),
                new DirectoryUserView("corp:bob", "corp", "bob", "Bob", "+447700900999", "bob@example.org", false),
                new DirectoryUserView("corp:bob", "corp", "bob", "Bob", null, null, false),
                new DirectoryUserView("corp:bob", "corp", "bob", "Bob", null, "bob@example.org", true)}) {
            assertFalse(read(bob.userId()).current(changed), changed.toString());
        }
        write(bob.userId(), record -> record.missing(T0.plusSeconds(60)));
        assertFalse(read(bob.userId()).current(bob), "a user marked missing is written again when a directory finds it");
    }

    @Test
    void seenIsMarkedOnlyWhenNobodyMarkedItSinceAndTheVersionStays() throws Exception {
        DirectoryUserView ann = new DirectoryUserView("corp:ann", "corp", "ann", "Ann", null, null, false);
        add(ann);
        long version = version(ann.userId());
        Instant later = T0.plusSeconds(2 * 3600);
        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            IndexedRow.markSeen(connection, ann.userId(), later, later.minusSeconds(3600));
            assertEquals(later, read(ann.userId()).seenAt());
            IndexedRow.markSeen(connection, ann.userId(), later.plusSeconds(60), later.plusSeconds(60).minusSeconds(3600));
            assertEquals(later, read(ann.userId()).seenAt(), "marked within the hour already: left as it is");
        }
        assertEquals(version, version(ann.userId()), "an administrator's edit of the record is not refused because of a login");
    }

    private static long version(String id) {
        EntityManager em = emf.createEntityManager();
        try {
            return ((Number) em.createNativeQuery("SELECT VERSION FROM CS_USER WHERE ID = ?").setParameter(1, id).getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }
}
