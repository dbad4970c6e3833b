package org.countersign.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The first schema step at start-up: removes what earlier builds created and this one no longer maps
 * ({@code create-or-extend-tables} adds, never removes). Runs before {@link TimestampColumns}, because H2 refuses to
 * drop a column that a retired index still names. Every statement is {@code IF EXISTS}, so it is repeatable; one that
 * fails is logged and the start goes on (what it leaves behind costs space or write time, not correctness).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetiredSchema {

    private static final Logger LOG = Logger.getLogger(RetiredSchema.class.getName());

    static final List<String> STATEMENTS = List.of(
            // a NOT NULL column no entity writes would refuse new users; replaced by the CS_USER_TERM table
            "ALTER TABLE IF EXISTS CS_USER DROP COLUMN IF EXISTS SEARCH_TEXT",
            // no query reads it (the bare-login audit search is an OR over USER_ID LIKE and ACTOR, which no index
            // serves); every RADIUS request paid a random-position insert into it
            "DROP INDEX IF EXISTS CS_AUDIT_ACTOR",
            // no query is the better for it: the category filter is an OR of = and LIKE (no index serves it), and for
            // the dashboard's "category LIKE 'auth.%' AND at >= :since" H2 chose it over CS_AUDIT_AT and read every
            // authentication ever recorded, as a range on its first column leaves AT unused (252 ms against 27 ms
            // by CS_AUDIT_AT, 1,000,000 records over 30 days); and every record paid an insert into it
            "DROP INDEX IF EXISTS CS_AUDIT_CATEGORY",
            // replaced by CS_AUDIT_TIME (AT, CATEGORY, OUTCOME, REASON), which serves every query it served and answers the
            // dashboard's counts without fetching the records
            "DROP INDEX IF EXISTS CS_AUDIT_AT",
            // replaced by CS_AUDIT_LOGIN (LOGIN, AT): the search by user id reads the login's records there and keeps
            // the user's, and a record pays one insert for both searches
            "DROP INDEX IF EXISTS CS_AUDIT_USER");

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    @PostConstruct
    void dropRetired() {
        try (Connection connection = dataSource.getConnection()) {
            for (String failure : apply(connection)) {
                LOG.warning(failure);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not remove retired schema parts: " + e.getMessage());
        }
    }

    /** Runs {@link #STATEMENTS}, each on its own; @return one message for each that failed */
    static List<String> apply(Connection connection) throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Statement ddl = connection.createStatement()) {
            for (String statement : STATEMENTS) {
                try {
                    ddl.executeUpdate(statement);
                } catch (SQLException e) {
                    failures.add("could not run " + statement + ": " + e.getMessage());
                }
            }
        }
        return failures;
    }
}
