package org.countersign.admin;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.countersign.api.admin.AdminAccountException;
import org.countersign.api.admin.AdminAccountService;
import org.countersign.api.admin.AdminRole;
import org.countersign.api.admin.AdminSignIn;
import org.countersign.api.admin.AdministratorView;
import org.countersign.api.admin.NewAdministrator;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.directory.DirectoryConfigurationException;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.PasswordVerdict;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.RejectReason;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.api.token.SoftTokenParameters;
import org.countersign.api.token.TokenService;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.token.VerificationOutcome;
import org.countersign.directory.internal.InternalDirectoryBean;
import org.countersign.seal.MasterKeyFile;

/**
 * Console accounts in CS_ADMIN_ACCOUNT, on top of the built-in directory (passwords) and the token
 * service (TOTP, replay protection, lockout). Only built-in directory users can hold a console role.
 */
@Stateless
public class AdminAccountBean implements AdminAccountService {

    private static final Logger LOG = Logger.getLogger(AdminAccountBean.class.getName());
    /** The actor of the first administrator's creation: nobody is signed in yet. */
    static final String SETUP_ACTOR = "setup";

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private InternalDirectoryBean directory;

    @EJB
    private TokenService tokens;

    @EJB
    private AuditService audit;

    @Override
    public boolean setupRequired() {
        return em.createQuery("SELECT COUNT(a) FROM AdminAccount a WHERE a.role = :role AND a.active = TRUE", Long.class)
                .setParameter("role", AdminRole.ADMINISTRATOR).getSingleResult() == 0;
    }

    @Override
    public String setupKeyLocation() {
        SetupKeyFile file = setupKeyFile();
        if (setupRequired() && file.createIfMissing()) {
            LOG.info("No administrator yet: wrote a one-time setup key to " + file.path()
                    + ". Open /admin and enter the key from that file to create the first administrator.");
            record("admin.setup-key", "DONE", null, "system", null, null, "setup key file written");
        }
        return file.path().toString();
    }

    @Override
    public SoftTokenEnrolment beginFirstAdministrator(String setupKey, NewAdministrator account, String address) {
        if (!setupRequired()) {
            record("admin.setup", "REJECTED", "SETUP_DONE", SETUP_ACTOR, account.login(), address, null);
            throw new AdminAccountException("SETUP_DONE", "the first administrator exists already");
        }
        if (!setupKeyFile().matches(setupKey)) {
            record("admin.setup", "REJECTED", "BAD_SETUP_KEY", SETUP_ACTOR, account.login(), address, null);
            throw new AdminAccountException("BAD_SETUP_KEY", "the setup key is not the one in the setup key file");
        }
        if (account.role() != AdminRole.ADMINISTRATOR) {
            throw new AdminAccountException("INVALID", "the first account must be an administrator");
        }
        Optional<AdminAccount> abandoned = Optional.ofNullable(em.find(AdminAccount.class, normalise(account.login())));
        if (abandoned.isPresent()) {
            // An earlier attempt that never activated its token: the same password may start it again with a new token.
            if (!(directory.verifyPassword(account.login(), account.password()) instanceof PasswordVerdict.Valid)) {
                record("admin.setup", "REJECTED", "LOGIN_TAKEN", SETUP_ACTOR, account.login(), address, null);
                throw new AdminAccountException("LOGIN_TAKEN", "the login '" + account.login() + "' is taken");
            }
            return enrol(abandoned.get(), SETUP_ACTOR);
        }
        SoftTokenEnrolment enrolment = createAccount(account, SETUP_ACTOR);
        record("admin.setup", "DONE", null, SETUP_ACTOR, enrolment.token().userId(), address, "first administrator created, token pending");
        return enrolment;
    }

    @Override
    public SoftTokenEnrolment create(NewAdministrator account, String actor) {
        return createAccount(account, actor);
    }

    private SoftTokenEnrolment createAccount(NewAdministrator account, String actor) {
        String login = normalise(account.login());
        if (login.isEmpty()) {
            throw new AdminAccountException("INVALID", "a login is required");
        }
        if (em.find(AdminAccount.class, login) != null || directory.find(login).isPresent()) {
            throw new AdminAccountException("LOGIN_TAKEN", "the login '" + login + "' is taken");
        }
        DirectoryUserView user;
        try {
            user = directory.create(login, account.displayName(), account.password(), null, blankToNull(account.mail()), Set.of(), actor);
        } catch (DirectoryConfigurationException e) {
            throw new AdminAccountException("INVALID", e.getMessage());
        }
        AdminAccount created = new AdminAccount(user.login(), user.userId(), account.role(), actor, Instant.now());
        em.persist(created);
        SoftTokenEnrolment enrolment = enrol(created, actor);
        record("admin.create", "DONE", null, actor, user.userId(), null, "role " + account.role());
        return enrolment;
    }

    /** A new pending TOTP for the account; an earlier pending one is disabled. */
    private SoftTokenEnrolment enrol(AdminAccount account, String actor) {
        if (account.tokenId() != null) {
            tokens.tokensOf(account.userId()).stream()
                    .filter(t -> t.id().equals(account.tokenId()) && t.status() == TokenStatus.PENDING)
                    .forEach(t -> tokens.disable(t.id(), actor));
        }
        SoftTokenEnrolment enrolment = tokens.enrolSoftToken(account.userId(), "totp", account.login(), SoftTokenParameters.defaults());
        account.pendingToken(enrolment.token().id());
        return enrolment;
    }

    @Override
    public VerificationOutcome activate(String login, String code, AttemptSource source) {
        AdminAccount account = em.find(AdminAccount.class, normalise(login), LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.tokenId() == null) {
            throw new AdminAccountException("NO_SUCH_ACCOUNT", "no console account " + login);
        }
        boolean firstAdministrator = account.role() == AdminRole.ADMINISTRATOR && setupRequired();
        VerificationOutcome outcome = tokens.activate(account.tokenId(), code, source);
        if (outcome.accepted()) {
            account.activated();
            record("admin.activate", "ACCEPTED", null, account.login(), account.userId(), source.address(), null);
            if (firstAdministrator) {
                setupKeyFile().delete();
                LOG.info("First administrator " + account.login() + " activated; the setup key is void and its file deleted.");
                record("admin.setup-key", "DONE", null, account.login(), account.userId(), source.address(), "setup key voided");
            }
        } else {
            record("admin.activate", "REJECTED", ((VerificationOutcome.Rejected) outcome).reason().name(), account.login(), account.userId(),
                    source.address(), null);
        }
        return outcome;
    }

    @Override
    public AdminSignIn authenticate(String login, char[] password, String passcode, AttemptSource source) {
        String normalised = normalise(login);
        PasswordVerdict verdict = directory.verifyPassword(normalised, password);
        AdminSignIn result;
        AdminAccount account = normalised.isEmpty() ? null : em.find(AdminAccount.class, normalised);
        if (verdict instanceof PasswordVerdict.Invalid) {
            result = new AdminSignIn.Refused("BAD_PASSWORD");
        } else if (verdict instanceof PasswordVerdict.Refused) {
            result = new AdminSignIn.Refused("ACCOUNT_REFUSED");
        } else if (verdict instanceof PasswordVerdict.Unavailable) {
            result = new AdminSignIn.Refused("DIRECTORY_UNAVAILABLE");
        } else if (account == null) {
            result = new AdminSignIn.Refused("NOT_A_CONSOLE_ACCOUNT");
        } else if (!account.active()) {
            result = new AdminSignIn.Refused(RejectReason.NO_TOKEN.name());
        } else {
            result = checkPasscode(account, passcode, source)
                    .<AdminSignIn>map(AdminSignIn.Refused::new)
                    .orElseGet(() -> granted(account, (PasswordVerdict.Valid) verdict));
        }
        String userId = account == null ? null : account.userId();
        if (result instanceof AdminSignIn.Refused refused) {
            record("admin.signin", "REJECTED", refused.reason(), normalised, userId, source.address(), null);
        } else {
            record("admin.signin", "ACCEPTED", null, normalised, userId, source.address(), "role " + account.role());
        }
        return result;
    }

    private static AdminSignIn granted(AdminAccount account, PasswordVerdict.Valid valid) {
        return new AdminSignIn.Granted(account.login(), account.userId(), valid.user().displayName(), Set.of(account.role()));
    }

    /** @return the reason the passcode is refused, or empty when the account's own token accepted it */
    private Optional<String> checkPasscode(AdminAccount account, String passcode, AttemptSource source) {
        VerificationOutcome outcome = tokens.verify(account.userId(), passcode == null ? "" : passcode.strip(), source);
        if (outcome instanceof VerificationOutcome.Rejected rejected) {
            return Optional.of(rejected.reason().name());
        }
        VerificationOutcome.Accepted accepted = (VerificationOutcome.Accepted) outcome;
        // Only the account's own TOTP signs in to the console: not a temporary code a helpdesk agent issued.
        return accepted.tokenId().equals(account.tokenId()) ? Optional.empty() : Optional.of("NOT_THE_CONSOLE_TOKEN");
    }

    @Override
    public VerificationOutcome reauthenticate(String login, String passcode, AttemptSource source) {
        AdminAccount account = em.find(AdminAccount.class, normalise(login));
        if (account == null || !account.active()) {
            record("admin.reauth", "REJECTED", "NOT_A_CONSOLE_ACCOUNT", normalise(login), null, source.address(), null);
            return new VerificationOutcome.Rejected(RejectReason.NO_TOKEN, null);
        }
        Optional<String> refusal = checkPasscode(account, passcode, source);
        record("admin.reauth", refusal.isEmpty() ? "ACCEPTED" : "REJECTED", refusal.orElse(null), account.login(), account.userId(),
                source.address(), null);
        return refusal.isEmpty() ? new VerificationOutcome.Accepted(account.tokenId(), "totp")
                : new VerificationOutcome.Rejected(RejectReason.WRONG_CODE, account.tokenId());
    }

    @Override
    public List<AdministratorView> list() {
        return em.createQuery("SELECT a FROM AdminAccount a ORDER BY a.login", AdminAccount.class).getResultList().stream()
                .map(this::view).toList();
    }

    @Override
    public AdministratorView changeRole(String login, AdminRole role, String actor) {
        AdminAccount account = existing(login);
        if (account.role() == AdminRole.ADMINISTRATOR && role != AdminRole.ADMINISTRATOR) {
            requireAnotherAdministrator(account);
        }
        AdminRole before = account.role();
        account.role(role);
        record("admin.role", "DONE", null, actor, account.userId(), null, before + " -> " + role);
        return view(account);
    }

    @Override
    public void remove(String login, String actor) {
        AdminAccount account = existing(login);
        if (account.role() == AdminRole.ADMINISTRATOR) {
            requireAnotherAdministrator(account);
        }
        em.remove(account);
        record("admin.remove", "DONE", null, actor, account.userId(), null, "role " + account.role() + " removed");
    }

    private void requireAnotherAdministrator(AdminAccount account) {
        long others = em.createQuery("SELECT COUNT(a) FROM AdminAccount a WHERE a.role = :role AND a.active = TRUE AND a.login <> :login",
                Long.class).setParameter("role", AdminRole.ADMINISTRATOR).setParameter("login", account.login()).getSingleResult();
        if (account.active() && others == 0) {
            throw new AdminAccountException("LAST_ADMINISTRATOR", "the last active administrator cannot be removed or demoted");
        }
    }

    private AdminAccount existing(String login) {
        AdminAccount account = em.find(AdminAccount.class, normalise(login), LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new AdminAccountException("NO_SUCH_ACCOUNT", "no console account " + login);
        }
        return account;
    }

    private AdministratorView view(AdminAccount a) {
        String displayName = directory.find(a.login()).map(DirectoryUserView::displayName).orElse(null);
        return new AdministratorView(a.login(), a.userId(), displayName, a.role(), a.active(), a.createdAt(), a.createdBy());
    }

    private void record(String category, String outcome, String reason, String actor, String target, String address, String detail) {
        audit.record(new AuditRecord(Instant.now(), category, outcome, reason, actor == null || actor.isEmpty() ? "unknown" : actor,
                target, null, "admin", "admin-console", address, detail));
    }

    /** The setup key file: {@code countersign.setup-key-file}, else {@code countersign-setup.key} beside the master key. */
    static SetupKeyFile setupKeyFile() {
        String configured = System.getProperty("countersign.setup-key-file");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured)
                : MasterKeyFile.location().toAbsolutePath().getParent().resolve("countersign-setup.key");
        return new SetupKeyFile(path);
    }

    private static String normalise(String login) {
        return login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
