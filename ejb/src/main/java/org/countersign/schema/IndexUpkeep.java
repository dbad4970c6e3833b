package org.countersign.schema;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Index;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * At start-up, after {@link RetiredSchema} and {@link TimestampColumns}, creates every index an entity declares in {@code @Table(indexes=...)} or
 * {@code @SecondaryTable(indexes=...)} that the database lacks
 * ({@code CREATE INDEX IF NOT EXISTS}, understood by H2 and PostgreSQL). Names and columns come from the
 * annotations only, never from input. A failure is logged and does not stop the start: queries work without the
 * index, only slower.
 */
@Singleton
@Startup
@DependsOn("TimestampColumns") // an index on a migrated column is created again once the column is TIMESTAMP
public class IndexUpkeep {

    private static final Logger LOG = Logger.getLogger(IndexUpkeep.class.getName());
    /** A plain SQL name: the only kind taken from annotations into DDL. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern COLUMNS = Pattern.compile("[A-Za-z][A-Za-z0-9_]*( (ASC|DESC))?(, ?[A-Za-z][A-Za-z0-9_]*( (ASC|DESC))?)*");

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void createMissingIndexes() {
        for (String ddl : statements(em.getMetamodel().getEntities().stream().<Class<?>>map(EntityType::getJavaType).toList())) {
            try {
                long start = System.nanoTime();
                em.createNativeQuery(ddl).executeUpdate();
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (millis >= 1000) { // an index built over a large table, e.g. after an upgrade; an existing one takes no time
                    LOG.info(ddl + ": took " + millis + " ms");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not run " + ddl + ": " + e.getMessage());
            }
        }
    }

    /** @return the statements creating the declared indexes of these entity classes, where absent */
    static List<String> statements(List<Class<?>> entities) {
        List<String> ddl = new ArrayList<>();
        for (Class<?> entity : entities) {
            Table table = entity.getAnnotation(Table.class);
            if (table != null && !table.name().isEmpty()) {
                create(table.name(), table.indexes(), ddl);
            }
            SecondaryTable secondary = entity.getAnnotation(SecondaryTable.class);
            if (secondary != null) {
                create(secondary.name(), secondary.indexes(), ddl);
            }
        }
        return ddl;
    }

    private static void create(String table, Index[] indexes, List<String> ddl) {
        for (Index index : indexes) {
            String columns = index.columnList().strip();
            if (NAME.matcher(index.name()).matches() && NAME.matcher(table).matches() && COLUMNS.matcher(columns).matches()) {
                ddl.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + index.name() + " ON " + table + " (" + columns + ")");
            }
        }
    }
}
