package org.countersign.it;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.countersign.api.admin.AdminAccountService;
import org.countersign.api.admin.AdminRole;
import org.countersign.api.admin.NewAdministrator;
import org.countersign.api.audit.AuditService;
import org.countersign.api.delivery.MailService;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.LdapDirectorySettings;
import org.countersign.api.radius.RadiusClientService;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.RadiusClientView;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.user.DirectorySyncService;
import org.countersign.api.user.UserAdminService;

/**
 * Test-only servlet in the test WAR (never in the product): puts the shared IT server into the states the browser
 * tests need. POST {@code op=}
 * <ul>
 * <li>{@code reset}: no console account and no setup progress, as on a fresh server (the IT server's database is shared
 *     by every IT class of a run); answers the setup key file's path</li>
 * <li>{@code create} ({@code login}, {@code password}, {@code role}): a console account; answers its key URI</li>
 * <li>{@code activate} ({@code login}, {@code code})</li>
 * <li>{@code move-localhost} ({@code network}): moves the seeded RADIUS client {@code localhost} to another network</li>
 * <li>{@code delete-client} ({@code name}): deletes the RADIUS clients of that name, if any; answers how many</li>
 * <li>{@code remove-directory} ({@code id}): removes that LDAP directory, if it exists</li>
 * <li>{@code mail-session}: forgets the stored mail server (messages go through the server's mail session again)</li>
 * <li>{@code add-ldap} ({@code name}, {@code port}): an OpenLDAP directory on 127.0.0.1 with {@link Slapd}'s accounts; answers its id</li>
 * <li>{@code sync} ({@code directory}): runs the {@code directory-sync} job and waits for it; answers its batch and exit status</li>
 * <li>{@code two-factor} ({@code user}): switches two factors on for the user</li>
 * <li>{@code audit} ({@code user}): the user's audit trail, newest first, one {@code category|outcome|actor|user} line per record</li>
 * <li>{@code remove-ldap} ({@code directory})</li>
 * </ul>
 */
@WebServlet("/console-fixture")
public class ConsoleFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<BatchStatus> ENDED = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.ABANDONED, BatchStatus.STOPPED);

    @EJB
    private AdminAccountService accounts;

    @EJB
    private RadiusClientService radiusClients;

    @EJB
    private DirectoryService directories;

    @EJB
    private MailService mail;

    @EJB
    private DirectorySyncService directorySync;

    @EJB
    private UserAdminService users;

    @EJB
    private AuditService audit;

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Resource
    private UserTransaction tx;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = switch (request.getParameter("op")) {
                case "reset" -> reset();
                case "create" -> accounts.create(new NewAdministrator(request.getParameter("login"), "IT " + request.getParameter("login"),
                        request.getParameter("password").toCharArray(), null, AdminRole.valueOf(request.getParameter("role"))), "it").keyUri();
                case "activate" -> String.valueOf(accounts.activate(request.getParameter("login"), request.getParameter("code"),
                        new AttemptSource("it", "it", null)).accepted());
                case "move-localhost" -> moveLocalhost(request.getParameter("network"));
                case "delete-client" -> deleteClient(request.getParameter("name"));
                case "remove-directory" -> removeDirectory(request.getParameter("id"));
                case "mail-session" -> {
                    mail.useServerMailSession("it");
                    yield "ok";
                }
                case "add-ldap" -> directories.addLdapDirectory(new LdapDirectorySettings(request.getParameter("name"), "OPENLDAP",
                        List.of("127.0.0.1:" + request.getParameter("port")), "NONE", null, 1000, 5000, Slapd.BASE_DN, Slapd.ADMIN_DN,
                        Slapd.ADMIN_PASSWORD, null, null, null, null, null, null, List.of(), null), "it-admin");
                case "sync" -> sync(request.getParameter("directory"));
                case "two-factor" -> String.valueOf(users.setTwoFactor(request.getParameter("user"), true, "it-admin").user().twoFactorEnabled());
                case "audit" -> audit.latest(request.getParameter("user"), 200).stream()
                        .map(r -> r.category() + "|" + r.outcome() + "|" + r.actor() + "|" + r.userId()).collect(Collectors.joining("\n"));
                case "remove-ldap" -> {
                    directories.removeLdapDirectory(request.getParameter("directory"), "it-admin");
                    yield "removed";
                }
                default -> throw new IllegalArgumentException("unknown op");
            };
        } catch (Exception e) {
            response.sendError(500, e.toString());
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }

    private String reset() throws Exception {
        tx.begin();
        em.createQuery("DELETE FROM AdminAccount a").executeUpdate();
        em.createQuery("DELETE FROM Setting s WHERE s.key LIKE 'setup.%'").executeUpdate();
        tx.commit();
        return accounts.setupKeyLocation();
    }

    private String removeDirectory(String id) {
        if (directories.ldapDirectory(id).isEmpty()) {
            return "absent";
        }
        directories.removeLdapDirectory(id, "it");
        return "removed";
    }

    private String deleteClient(String name) {
        List<RadiusClientView> named = radiusClients.list().stream().filter(c -> c.name().equals(name)).toList();
        named.forEach(c -> radiusClients.delete(c.id(), "it"));
        return Integer.toString(named.size());
    }

    private String moveLocalhost(String network) {
        RadiusClientView local = radiusClients.list().stream().filter(c -> c.name().equals("localhost")).findFirst().orElseThrow();
        radiusClients.update(local.id(), new RadiusClientSettings(local.name(), network, null, local.authMode(),
                local.requireMessageAuthenticator(), local.limitProxyState(), local.replyAttributes()), "it");
        return local.network();
    }

    private String sync(String directory) throws InterruptedException {
        long execution = directorySync.start(directory, "it-admin");
        JobExecution job = BatchRuntime.getJobOperator().getJobExecution(execution);
        for (int i = 0; i < 1200 && !ENDED.contains(job.getBatchStatus()); i++) {
            Thread.sleep(100);
            job = BatchRuntime.getJobOperator().getJobExecution(execution);
        }
        return job.getBatchStatus() + " " + job.getExitStatus();
    }
}
