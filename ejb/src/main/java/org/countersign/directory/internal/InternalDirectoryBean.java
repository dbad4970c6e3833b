package org.countersign.directory.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.directory.DirectoryConfigurationException;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.PasswordVerdict;
import org.countersign.support.AfterCompletion;

/**
 * The built-in directory (id {@code internal}). Unknown users cost the same PBKDF2 work as known
 * ones, so timing does not tell them apart; a disabled user is reported only after the right password.
 */
@Stateless
public class InternalDirectoryBean {

    public static final String ID = "internal";
    /** Members of this group are enabled for two factors automatically. */
    public static final String TWO_FACTOR_GROUP = "two-factor";
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,127}");
    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final String DUMMY_HASH = HASHER.hash("not-a-real-password".toCharArray());
    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private AuditService audit;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DirectoryUserView> find(String login) {
        return user(login).map(InternalDirectoryBean::view);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PasswordVerdict verifyPassword(String login, char[] password) {
        Optional<InternalUser> user = user(login);
        String stored = user.map(InternalUser::passwordHash).orElse(DUMMY_HASH);
        boolean matches = HASHER.matches(password, stored == null ? DUMMY_HASH : stored);
        if (user.isEmpty() || stored == null || !matches) {
            return new PasswordVerdict.Invalid();
        }
        if (!user.get().enabled()) {
            return new PasswordVerdict.Refused("DISABLED");
        }
        return new PasswordVerdict.Valid(view(user.get()));
    }

    public DirectoryUserView create(String login, String displayName, char[] password, String mobile, String mail, Set<String> groups,
                                    String actor) {
        String normalised = login == null ? "" : InternalUser.normalise(login);
        if (!LOGIN.matcher(normalised).matches()) {
            throw new DirectoryConfigurationException("a login of 1 to 128 letters, digits, dots, dashes, underscores or @, starting with a letter or digit");
        }
        if (user(normalised).isPresent()) {
            throw new DirectoryConfigurationException("the login '" + normalised + "' is taken");
        }
        Instant now = Instant.now();
        InternalUser user = new InternalUser(normalised, displayName, now);
        try {
            user.passwordHash(HASHER.hash(password));
        } catch (IllegalArgumentException e) {
            throw new DirectoryConfigurationException(e.getMessage(), e);
        }
        user.contact(mobile, mail);
        user.groups(groups);
        em.persist(user);
        AfterCompletion.nowAndAfter(transactions, InternalLogins.LOGINS::invalidate);
        audit.record(new AuditRecord(now, "directory.internal.create", "DONE", null, actor, ID + ":" + normalised, null, "admin", null, null, null));
        return view(user);
    }

    /** Replaces the mobile number and/or e-mail address of a built-in user; {@code null} leaves a value. */
    public DirectoryUserView updateContact(String login, String mobile, String mail) {
        InternalUser user = user(login).orElseThrow(() -> new DirectoryConfigurationException("no built-in user " + login));
        user.contact(mobile != null ? mobile : user.mobile(), mail != null ? mail : user.mail());
        return view(user);
    }

    private Optional<InternalUser> user(String login) {
        if (login == null || login.isBlank() || login.length() > 128) {
            return Optional.empty();
        }
        String normalised = InternalUser.normalise(login);
        Optional<Set<String>> logins = InternalLogins.LOGINS.get(() -> {
            List<String> all = em.createQuery("SELECT u.login FROM InternalUser u", String.class).setMaxResults(InternalLogins.LOGIN_SNAPSHOT_LIMIT + 1)
                    .getResultList();
            return all.size() > InternalLogins.LOGIN_SNAPSHOT_LIMIT ? Optional.empty() : Optional.of(Set.copyOf(all));
        });
        if (logins.isPresent() && !logins.get().contains(normalised)) {
            return Optional.empty();
        }
        List<InternalUser> found = em.createQuery("SELECT u FROM InternalUser u WHERE u.login = :login", InternalUser.class)
                .setParameter("login", normalised).getResultList();
        return found.stream().findFirst();
    }

    private static DirectoryUserView view(InternalUser u) {
        return new DirectoryUserView(ID + ":" + u.login(), ID, u.login(), u.displayName(), u.mobile(), u.mail(),
                u.groups().contains(TWO_FACTOR_GROUP));
    }
}
