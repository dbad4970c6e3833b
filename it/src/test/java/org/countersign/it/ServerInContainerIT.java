package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside WildFly, beside the real modules of the packaged EAR. */
@ExtendWith(ArquillianExtension.class)
class ServerInContainerIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(ServerInContainerIT.class);
    }

    @EJB
    private SettingsService settings;

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    @Test
    void persistenceProviderIsEclipseLink() {
        String factory = em.getEntityManagerFactory().getClass().getName();
        assertTrue(factory.startsWith("org.eclipse.persistence."), "EntityManagerFactory is " + factory);
        String delegate = em.getDelegate().getClass().getName();
        assertTrue(delegate.startsWith("org.eclipse.persistence."), "EntityManager delegate is " + delegate);
    }

    @Test
    void theEmbeddedDatabaseWritesCommitsToItsFileAsConfigured() throws SQLException {
        // configure-countersign.cli: a server killed loses at most this last stretch of commits (accepted codes included);
        // 500 ms unless the system property says otherwise (this test runs in the server, and sees its properties)
        String expected = String.valueOf(Integer.getInteger("countersign.h2.write-delay-ms", 500));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertTrue(rs.next(), "no WRITE_DELAY setting");
            assertEquals(expected, rs.getString(1));
        }
    }

    @Test
    void settingIsPersistedAndReadBack() {
        String key = "it.roundtrip." + UUID.randomUUID().toString().substring(0, 8);
        settings.put(key, "first", SettingScope.GLOBAL);
        assertEquals("first", settings.find(key).orElseThrow());
        settings.put(key, "second", SettingScope.LOCAL);
        assertEquals("second", settings.find(key).orElseThrow());
    }

    @Test
    void selfCheckJobCompletesThroughTheJobOperator() throws InterruptedException {
        JobOperator operator = BatchRuntime.getJobOperator();
        long id = operator.start("self-check", new Properties());
        JobExecution execution = operator.getJobExecution(id);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (isRunning(execution.getBatchStatus()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            execution = operator.getJobExecution(id);
        }
        assertEquals(BatchStatus.COMPLETED, execution.getBatchStatus(), "exit status " + execution.getExitStatus());
        String last = settings.find("batch.self-check.last").orElseThrow();
        assertTrue(last.contains("UP"), last);
    }

    private static boolean isRunning(BatchStatus status) {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED;
    }
}
