package org.countersign.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Schema migration at start-up: what a verification changes in a token (last accepted step or counter, server-made
 * code, uses left, fail count, last use, version) moved from CS_TOKEN to CS_TOKEN_STATE, one narrow row per token (see
 * {@code Token}). On a database made by an earlier build, every token without a state row gets one, copied in a single
 * statement, and then the moved columns are dropped from CS_TOKEN, whose NOT NULL would refuse new tokens. Each step
 * is safe to repeat: a start stopped between the copy and the last drop finishes at the next start. A database created
 * by this build has none of the moved columns in CS_TOKEN, and nothing is done.
 */
@Singleton
@Startup
@DependsOn("TimestampColumns") // old serialized Instant columns are converted before they are copied
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenStateTable {

    private static final Logger LOG = Logger.getLogger(TokenStateTable.class.getName());

    /** The columns moved, in the order of the copy. */
    static final List<String> MOVED = List.of("LAST_ACCEPTED", "CODE_HASH", "CODE_BINDING", "CODE_EXPIRES_AT", "USES_LEFT", "FAIL_COUNT",
            "LAST_USED_AT", "VERSION");

    /** The name EclipseLink's schema generation gives the description's reference to its state row. */
    static final String FOREIGN_KEY = "FK_CS_TOKEN_ID";

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection);
        } catch (SQLException e) {
            // a token without its state row is invisible to every query: better a start that says so than one that half works
            throw new IllegalStateException("moving token state to CS_TOKEN_STATE failed: " + e.getMessage(), e);
        }
    }

    /** Moves the state of tokens still kept the old way; repeatable. */
    static void migrate(Connection connection) throws SQLException {
        List<String> present = new ArrayList<>();
        for (String column : MOVED) {
            if (TimestampColumns.columnType(connection, "CS_TOKEN", column) != null) {
                present.add(column);
            }
        }
        if (present.isEmpty()) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            if (present.size() == MOVED.size()) { // the copy has not happened: columns are dropped only after it
                TimestampColumns.migrate(connection, List.of(
                        new TimestampColumns.Target("CS_TOKEN", "ID", "CODE_EXPIRES_AT", true, List.of()),
                        new TimestampColumns.Target("CS_TOKEN", "ID", "LAST_USED_AT", true, List.of())));
                // a row never written through JPA may have no version yet: it starts at 1, as JPA's first write would
                String values = MOVED.stream().map(c -> c.equals("VERSION") ? "COALESCE(k.VERSION, 1)" : "k." + c).collect(Collectors.joining(", "));
                int copied = sql.executeUpdate("INSERT INTO CS_TOKEN_STATE (ID, " + String.join(", ", MOVED) + ") SELECT k.ID, " + values
                        + " FROM CS_TOKEN k WHERE NOT EXISTS (SELECT 1 FROM CS_TOKEN_STATE s WHERE s.ID = k.ID)");
                LOG.info("the state of " + copied + " token(s) moved from CS_TOKEN to CS_TOKEN_STATE");
            }
            for (String column : present) {
                sql.executeUpdate("ALTER TABLE CS_TOKEN DROP COLUMN " + column);
            }
            // the constraint schema generation gives a new database, which it could not add here while rows lacked their state
            try {
                sql.executeUpdate("ALTER TABLE CS_TOKEN ADD CONSTRAINT " + FOREIGN_KEY + " FOREIGN KEY (ID) REFERENCES CS_TOKEN_STATE (ID)");
            } catch (SQLException e) {
                LOG.fine("foreign key " + FOREIGN_KEY + " not added: " + e.getMessage()); // there already
            }
        }
    }
}
