package org.countersign.directory;

import com.unboundid.ldap.sdk.LDAPException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.directory.DirectoryConfigurationException;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.LdapDirectorySettings;
import org.countersign.api.directory.PasswordVerdict;
import org.countersign.api.directory.ServerTestView;
import org.countersign.api.directory.UserId;
import org.countersign.directory.internal.InternalDirectoryBean;
import org.countersign.directory.ldap.LdapDirectory;
import org.countersign.seal.SealingBean;
import org.countersign.support.AfterCompletion;
import org.countersign.user.RecentlyIndexed;
import org.countersign.user.UserIndexBean;

/**
 * Every directory behind one service: the built-in one first, then each LDAP directory in order.
 * {@code DOMAIN\\user} goes to the directory with that NetBIOS name and {@code user@suffix} to the
 * one with that UPN suffix; any other login is looked up in every directory, and a login found in
 * more than one is refused, never "first hit wins".
 */
@Stateless
public class DirectoryBean implements DirectoryService {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private InternalDirectoryBean internal;

    @Inject
    private LdapDirectories ldap;

    @EJB
    private SealingBean sealing;

    @EJB
    private AuditService audit;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @EJB
    private UserIndexBean index;

    @Inject
    private RecentlyIndexed recentlyIndexed;

    /** The look-ups of every login, which the RADIUS path also calls directly. */
    @Inject
    private DirectoryLookup lookup;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PasswordVerdict verifyPassword(String login, char[] password) {
        return lookup.verifyPassword(login, password);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PasswordVerdict verifyPassword(DirectoryUserView user, char[] password) {
        return lookup.verifyPassword(user, password);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DirectoryUserView> findUser(String login) {
        return lookup.findUser(login);
    }

    @Override
    public String addLdapDirectory(LdapDirectorySettings settings, String actor) {
        String id = settings.name() == null ? "" : settings.name().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        if (!ID.matcher(id).matches() || id.equals(InternalDirectoryBean.ID)) {
            throw new DirectoryConfigurationException("name: a directory name of letters and digits, other than 'internal'");
        }
        if (em.find(DirectoryEntry.class, id) != null) {
            throw new DirectoryConfigurationException("name: a directory called '" + id + "' exists already");
        }
        if (settings.servers().isEmpty() || settings.baseDn() == null || settings.bindDn() == null || settings.bindPassword() == null) {
            throw new DirectoryConfigurationException("servers, base DN, service account and its password are required");
        }
        long count = em.createQuery("SELECT COUNT(d) FROM DirectoryEntry d", Long.class).getSingleResult();
        DirectoryEntry entry = new DirectoryEntry(id, (int) count + 1);
        Instant now = Instant.now();
        entry.apply(settings, now);
        byte[] password = settings.bindPassword().getBytes(StandardCharsets.UTF_8);
        tryConnect(entry, password);
        entry.sealedBindPassword(sealing.seal(password, DirectoryEntry.passwordBinding(id)));
        em.persist(entry);
        invalidateCatalog();
        audit.record(new AuditRecord(now, "directory.add", "DONE", null, actor, null, null, "admin", id, null, String.join(",", settings.servers())));
        return id;
    }

    @Override
    public Optional<LdapDirectorySettings> ldapDirectory(String directoryId) {
        DirectoryEntry e = directoryId == null ? null : em.find(DirectoryEntry.class, directoryId);
        if (e == null) {
            return Optional.empty();
        }
        return Optional.of(new LdapDirectorySettings(e.name(), e.flavor(), e.servers(), e.security(), e.trustStore(), e.connectTimeoutMillis(),
                e.responseTimeoutMillis(), e.baseDn(), e.bindDn(), null, e.loginAttribute(), e.userObjectFilter(), e.mobileAttribute(),
                e.mailAttribute(), e.tokenAttribute(), e.netbiosName(), e.upnSuffixes(), e.twoFactorGroupDn()));
    }

    @Override
    public void updateLdapDirectory(String directoryId, LdapDirectorySettings settings, String actor) {
        DirectoryEntry entry = directoryId == null ? null : em.find(DirectoryEntry.class, directoryId);
        if (entry == null) {
            throw new DirectoryConfigurationException("no LDAP directory with id " + directoryId);
        }
        if (settings.name() == null || settings.name().isBlank() || settings.servers().isEmpty() || settings.baseDn() == null
                || settings.bindDn() == null) {
            throw new DirectoryConfigurationException("name, servers, base DN and service account are required");
        }
        byte[] password = settings.bindPassword() != null ? settings.bindPassword().getBytes(StandardCharsets.UTF_8)
                : sealing.unseal(entry.sealedBindPassword(), DirectoryEntry.passwordBinding(directoryId));
        Instant now = Instant.now();
        entry.apply(settings, now);
        tryConnect(entry, password);
        if (settings.bindPassword() != null) {
            entry.sealedBindPassword(sealing.seal(password, DirectoryEntry.passwordBinding(directoryId)));
        }
        invalidateCatalog();
        audit.record(new AuditRecord(now, "directory.update", "DONE", null, actor, null, null, "admin", directoryId, null,
                String.join(",", settings.servers()) + (settings.bindPassword() == null ? ", password kept" : ", password changed")));
    }

    /** Connects once with the settings of an entry that is not stored yet, or throws naming what failed. */
    private static void tryConnect(DirectoryEntry entry, byte[] password) {
        try (LdapDirectory test = LdapDirectories.open(entry, password)) {
            test.id();
        } catch (LDAPException e) {
            throw new DirectoryConfigurationException("cannot connect with these settings: " + e.getResultCode().getName()
                    + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage() + ")"), e);
        }
    }

    @Override
    public void removeLdapDirectory(String directoryId, String actor) {
        DirectoryEntry entry = directoryId == null ? null : em.find(DirectoryEntry.class, directoryId);
        if (entry == null) {
            throw new DirectoryConfigurationException("no LDAP directory with id " + directoryId);
        }
        em.remove(entry);
        ldap.disconnect(directoryId);
        invalidateCatalog();
        int forgotten = index.forgetDirectory(directoryId);
        recentlyIndexed.forgetAll();
        audit.record(new AuditRecord(Instant.now(), "directory.remove", "DONE", null, actor, null, null, "admin", directoryId, null,
                forgotten + " users removed from the user index"));
    }

    @Override
    public List<ServerTestView> testConnection(String directoryId) {
        DirectoryEntry entry = directoryId == null ? null : em.find(DirectoryEntry.class, directoryId);
        if (entry == null) {
            throw new DirectoryConfigurationException("no LDAP directory with id " + directoryId);
        }
        byte[] password = sealing.unseal(entry.sealedBindPassword(), DirectoryEntry.passwordBinding(entry.id()));
        return LdapDirectory.test(LdapDirectories.config(entry, password));
    }

    @Override
    public Optional<DirectoryUserView> findById(String userId) {
        Optional<UserId> id = UserId.parse(userId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String directoryId = id.get().directoryId();
        String login = id.get().login();
        if (directoryId.equals(InternalDirectoryBean.ID)) {
            return internal.find(login);
        }
        DirectoryEntry entry = em.find(DirectoryEntry.class, directoryId);
        if (entry == null) {
            return Optional.empty();
        }
        try {
            return lookup.connect(entry).find(login);
        } catch (LDAPException e) {
            return Optional.empty();
        }
    }

    @Override
    public DirectoryUserView updateContact(String userId, String mobile, String mail, String actor) {
        UserId id = UserId.parse(userId).orElseThrow(() -> new DirectoryConfigurationException("not a user id: " + userId));
        String directoryId = id.directoryId();
        String login = id.login();
        DirectoryUserView updated;
        if (directoryId.equals(InternalDirectoryBean.ID)) {
            updated = internal.updateContact(login, mobile, mail);
        } else {
            DirectoryEntry entry = em.find(DirectoryEntry.class, directoryId);
            if (entry == null) {
                throw new DirectoryConfigurationException("no directory with id " + directoryId);
            }
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            if (mobile != null) {
                values.put("mobile", mobile);
            }
            if (mail != null) {
                values.put("mail", mail);
            }
            LdapDirectory directory;
            try {
                directory = lookup.connect(entry);
                updated = directory.write(login, values);
            } catch (LDAPException e) {
                if (e.getResultCode() == com.unboundid.ldap.sdk.ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
                    String attributes = String.join(", ", values.keySet().stream().map(k -> "'" + (k.equals("mobile") ? entry.mobileAttribute() : entry.mailAttribute()) + "'").toList());
                    throw new DirectoryConfigurationException("the service account " + entry.bindDn() + " may not write " + attributes
                            + " in directory " + directoryId + ": grant it write access to that attribute", e);
                }
                throw new DirectoryConfigurationException("directory " + directoryId + " refused the change: " + e.getResultCode().getName(), e);
            }
        }
        index.refresh(updated);
        audit.record(new AuditRecord(Instant.now(), "directory.contact.update", "DONE", null, actor, userId, null, "admin", null, null,
                (mobile != null ? "mobile " : "") + (mail != null ? "mail" : "")));
        return updated;
    }

    @Override
    public DirectoryUserView createInternalUser(String login, String displayName, char[] password, String mobile, String mail, String actor) {
        DirectoryUserView created = internal.create(login, displayName, password, mobile, mail, Set.of(), actor);
        index.refresh(created);
        return created;
    }

    /** Logins see a change of the directories at once: now, and again once the change is committed. */
    private void invalidateCatalog() {
        AfterCompletion.nowAndAfter(transactions, ldap::invalidate);
    }
}
