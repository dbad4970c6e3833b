package org.countersign.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.countersign.jpa.InstantColumn;

/**
 * Schema migration at start-up: Instant columns written by earlier builds as serialized Java objects (VARBINARY,
 * EclipseLink's default for a type it does not map) become SQL TIMESTAMP columns, as the entities now declare
 * ({@link InstantColumn}). Each such column gets a TIMESTAMP twin filled row by row (committed every {@link #BATCH}
 * rows, progress logged), its indexes are dropped (index upkeep creates them again on the new column), the old column
 * is dropped and the twin takes its name. Every step is safe to repeat, so a start interrupted half-way finishes the
 * work at the next start. The columns come from the entity annotations, never from input. A database created by this
 * build has TIMESTAMP columns already and nothing is done.
 */
@Singleton
@Startup
@DependsOn("RetiredSchema") // a retired index over a migrated column would stop its drop
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TimestampColumns {

    private static final Logger LOG = Logger.getLogger(TimestampColumns.class.getName());
    static final int BATCH = 500;
    static final String TWIN = "_TS";
    /** Only an Instant may come out of a stored value: java.time.Ser in the stream, the Instant it resolves to. */
    private static final ObjectInputFilter ONLY_INSTANT = info -> info.serialClass() == null ? ObjectInputFilter.Status.UNDECIDED
            : info.serialClass().getName().equals("java.time.Ser") || info.serialClass() == Instant.class ? ObjectInputFilter.Status.ALLOWED
            : ObjectInputFilter.Status.REJECTED;

    /** One Instant column of one entity's table. */
    record Target(String table, String key, String column, boolean nullable, List<String> indexes) {
    }

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        List<Target> targets = targets(em.getMetamodel().getEntities().stream().<Class<?>>map(EntityType::getJavaType).toList());
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection, targets);
        } catch (SQLException e) {
            // the entities cannot read a column left serialized: better a start that says so than one that half works
            throw new IllegalStateException("schema migration to TIMESTAMP columns failed: " + e.getMessage(), e);
        }
    }

    /** @return every Instant column stored through {@link InstantColumn} in these entity classes */
    static List<Target> targets(List<Class<?>> entities) {
        List<Target> targets = new ArrayList<>();
        for (Class<?> entity : entities) {
            Table table = entity.getAnnotation(Table.class);
            String key = Arrays.stream(entity.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Id.class))
                    .map(f -> f.getAnnotation(Column.class)).filter(c -> c != null).map(Column::name).findFirst().orElse(null);
            if (table == null || !IndexUpkeep.NAME.matcher(table.name()).matches() || key == null || !IndexUpkeep.NAME.matcher(key).matches()) {
                continue;
            }
            SecondaryTable secondary = entity.getAnnotation(SecondaryTable.class);
            for (Field field : entity.getDeclaredFields()) {
                Convert convert = field.getAnnotation(Convert.class);
                Column column = field.getAnnotation(Column.class);
                if (field.getType() == Instant.class && convert != null && convert.converter() == InstantColumn.class && column != null
                        && IndexUpkeep.NAME.matcher(column.name()).matches()) {
                    // a column of the entity's secondary table is in that table, keyed by its join column
                    boolean inSecondary = secondary != null && column.table().equals(secondary.name());
                    String tableName = inSecondary ? secondary.name() : table.name();
                    String keyName = inSecondary && secondary.pkJoinColumns().length == 1 ? secondary.pkJoinColumns()[0].name() : key;
                    Index[] declared = inSecondary ? secondary.indexes() : table.indexes();
                    if (!IndexUpkeep.NAME.matcher(tableName).matches() || !IndexUpkeep.NAME.matcher(keyName).matches()) {
                        continue;
                    }
                    List<String> indexes = Arrays.stream(declared)
                            .filter(i -> Arrays.stream(i.columnList().split(",")).map(c -> c.strip().split(" ")[0])
                                    .anyMatch(c -> c.equalsIgnoreCase(column.name())))
                            .map(Index::name).filter(n -> IndexUpkeep.NAME.matcher(n).matches()).toList();
                    targets.add(new Target(tableName, keyName, column.name(), column.nullable(), indexes));
                }
            }
        }
        return targets;
    }

    /** Converts whichever of these columns are still serialized; repeatable. */
    static void migrate(Connection connection, List<Target> targets) throws SQLException {
        for (Target target : targets) {
            migrate(connection, target);
        }
    }

    private static void migrate(Connection connection, Target t) throws SQLException {
        Integer type = columnType(connection, t.table(), t.column());
        Integer twinType = columnType(connection, t.table(), t.column() + TWIN);
        boolean serialized = type != null && isBinary(type);
        if (!serialized && twinType == null) {
            return; // TIMESTAMP already, or the table is not there
        }
        String column = t.table() + "." + t.column();
        try (Statement ddl = connection.createStatement()) {
            if (serialized) {
                if (twinType == null) {
                    ddl.executeUpdate("ALTER TABLE " + t.table() + " ADD COLUMN " + t.column() + TWIN + " TIMESTAMP");
                }
                long rows = copy(connection, t, column);
                for (String index : t.indexes()) {
                    ddl.executeUpdate("DROP INDEX IF EXISTS " + index);
                }
                ddl.executeUpdate("ALTER TABLE " + t.table() + " DROP COLUMN " + t.column());
                LOG.info(column + ": " + rows + " serialized value(s) now TIMESTAMP");
            }
            ddl.executeUpdate("ALTER TABLE " + t.table() + " RENAME COLUMN " + t.column() + TWIN + " TO " + t.column());
            if (!t.nullable()) {
                ddl.executeUpdate("ALTER TABLE " + t.table() + " ALTER COLUMN " + t.column() + " SET NOT NULL");
            }
        }
    }

    /**
     * Fills the twin of every row not yet done, in key order, {@link #BATCH} rows a transaction (so memory stays small
     * and an interrupted copy resumes where it stopped); returns the rows filled.
     */
    private static long copy(Connection connection, Target t, String column) throws SQLException {
        String todo = " WHERE " + t.column() + " IS NOT NULL AND " + t.column() + TWIN + " IS NULL";
        long total;
        try (Statement count = connection.createStatement(); ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM " + t.table() + todo)) {
            rows.next();
            total = rows.getLong(1);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long done = 0;
        try (PreparedStatement first = connection.prepareStatement("SELECT " + t.key() + ", " + t.column() + " FROM " + t.table() + todo
                + " ORDER BY " + t.key() + " FETCH FIRST " + BATCH + " ROWS ONLY");
             PreparedStatement next = connection.prepareStatement("SELECT " + t.key() + ", " + t.column() + " FROM " + t.table() + todo
                     + " AND " + t.key() + " > ? ORDER BY " + t.key() + " FETCH FIRST " + BATCH + " ROWS ONLY");
             PreparedStatement update = connection.prepareStatement("UPDATE " + t.table() + " SET " + t.column() + TWIN + " = ? WHERE "
                     + t.key() + " = ?")) {
            Object last = null;
            while (true) {
                PreparedStatement select = last == null ? first : next;
                if (last != null) {
                    next.setObject(1, last);
                }
                int batch = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        last = rows.getObject(1);
                        update.setTimestamp(1, InstantColumn.of(instant(rows.getBytes(2), column)));
                        update.setObject(2, last);
                        update.addBatch();
                        batch++;
                    }
                }
                if (batch == 0) {
                    break;
                }
                update.executeBatch();
                connection.commit();
                long before = done;
                done += batch;
                if (done / 10_000 != before / 10_000 || done == total) {
                    LOG.info(column + ": " + done + " of " + total + " value(s) converted to TIMESTAMP");
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return done;
    }

    /** A stored value back to its Instant; anything else stops the migration, naming the column. */
    static Instant instant(byte[] stored, String column) {
        if (stored == null) {
            throw new IllegalStateException(column + ": an empty serialized value");
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ONLY_INSTANT);
            Object value = in.readObject();
            if (value instanceof Instant instant) {
                return instant;
            }
            throw new IllegalStateException(column + ": a stored value is a " + (value == null ? "null" : value.getClass().getName()) + ", not an Instant");
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(column + ": a stored value is not a serialized Instant (" + e + ")", e);
        }
    }

    /** @return the column's JDBC type, or {@code null} if there is no such column (unquoted names: upper case in H2, lower in PostgreSQL) */
    static Integer columnType(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String[] names : List.of(new String[] {table, column},
                new String[] {table.toLowerCase(Locale.ROOT), column.toLowerCase(Locale.ROOT)})) {
            try (ResultSet columns = meta.getColumns(null, null, names[0], names[1])) {
                if (columns.next()) {
                    return columns.getInt("DATA_TYPE");
                }
            }
        }
        return null;
    }

    private static boolean isBinary(int type) {
        return type == Types.VARBINARY || type == Types.BINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }
}
