package org.countersign.directory;

import com.unboundid.ldap.sdk.LDAPException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.PasswordVerdict;
import org.countersign.directory.internal.InternalDirectoryBean;
import org.countersign.directory.internal.InternalLogins;
import org.countersign.directory.ldap.LdapDirectory;
import org.countersign.seal.SealingBean;
import org.countersign.user.RecentlyIndexed;
import org.countersign.user.UserIndexBean;

/**
 * The look-ups every login makes: which directory holds the user, and whether the password is right. They read and
 * write nothing of their own in the database (the directory list comes from {@link LdapDirectories}' snapshot, a user
 * from the directory), so they need no transaction and no bean call: {@link DirectoryBean} answers with them for the
 * portals, and the authentication decision calls them directly, which spares a RADIUS request two of the container's
 * invocations. The rules are {@code DirectoryBean}'s: the built-in directory first, then each LDAP directory in order;
 * {@code DOMAIN\\user} and {@code user@suffix} go to their own directory; a login found in more than one is refused.
 * Thread-safe.
 */
@ApplicationScoped
public class DirectoryLookup {

    private static final Logger LOG = Logger.getLogger(DirectoryLookup.class.getName());

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private InternalDirectoryBean internal;

    @Inject
    private LdapDirectories ldap;

    @EJB
    private SealingBean sealing;

    @EJB
    private UserIndexBean index;

    @Inject
    private RecentlyIndexed recentlyIndexed;

    /** A directory a login may belong to, with the name to look up there. */
    private record Candidate(LdapDirectories.Known entry, String login) {
    }

    /** The password of a login, in the one directory that holds it ({@link org.countersign.api.directory.DirectoryService}). */
    public PasswordVerdict verifyPassword(String login, char[] password) {
        if (password == null || password.length == 0 || new String(password).isBlank() || login == null || login.isBlank()) {
            return new PasswordVerdict.Invalid();
        }
        List<Candidate> candidates = candidates(login.strip());
        Candidate owner = null;
        int found = 0;
        boolean unavailable = false;
        for (Candidate c : candidates) {
            try {
                boolean exists = c.entry() == null ? findInternal(c.login()).isPresent() : connect(c.entry()).find(c.login()).isPresent();
                if (exists) {
                    found++;
                    owner = c;
                }
            } catch (LDAPException e) {
                unavailable = true;
            }
        }
        if (found > 1) {
            return new PasswordVerdict.Invalid();
        }
        if (owner == null) {
            return unavailable ? new PasswordVerdict.Unavailable("a directory did not answer") : new PasswordVerdict.Invalid();
        }
        if (owner.entry() == null) {
            return internal.verifyPassword(owner.login(), password);
        }
        try {
            return connect(owner.entry()).verifyPassword(owner.login(), password);
        } catch (LDAPException e) {
            return new PasswordVerdict.Unavailable(owner.entry().id() + ": " + e.getResultCode().getName());
        }
    }

    /** The password of a user already found, in that user's directory: one bind, no second search. */
    public PasswordVerdict verifyPassword(DirectoryUserView user, char[] password) {
        if (password == null || password.length == 0 || new String(password).isBlank() || user == null) {
            return new PasswordVerdict.Invalid();
        }
        if (InternalDirectoryBean.ID.equals(user.directoryId())) {
            return internal.verifyPassword(user.login(), password);
        }
        Optional<LdapDirectories.Known> known = ldap.catalog(this::entries).stream().filter(k -> k.id().equals(user.directoryId())).findFirst();
        if (known.isEmpty()) {
            return new PasswordVerdict.Invalid();
        }
        try {
            return connect(known.get()).verifyPassword(user, password);
        } catch (LDAPException e) {
            return new PasswordVerdict.Unavailable(user.directoryId() + ": " + e.getResultCode().getName());
        }
    }

    /** The user of a login, if exactly one directory holds it; teaches the user index about the user now and then. */
    public Optional<DirectoryUserView> findUser(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        List<DirectoryUserView> found = new ArrayList<>();
        for (Candidate c : candidates(login.strip())) {
            try {
                (c.entry() == null ? findInternal(c.login()) : connect(c.entry()).find(c.login())).ifPresent(found::add);
            } catch (LDAPException e) {
                // a directory that does not answer finds nobody; the password check reports it as unavailable
            }
        }
        if (found.size() != 1) {
            return Optional.empty();
        }
        if (recentlyIndexed.due(found.get(0))) {
            try {
                index.learn(found.get(0));
            } catch (RuntimeException e) {
                // the index is a copy: a lookup never fails because it could not be written (two servers adding one user at once)
                recentlyIndexed.forget(found.get(0).userId());
                LOG.log(Level.FINE, "user index not updated for " + found.get(0).userId(), e);
            }
        }
        return Optional.of(found.get(0));
    }

    LdapDirectory connect(DirectoryEntry entry) throws LDAPException {
        return ldap.connect(entry, bindPassword(entry));
    }

    private LdapDirectory connect(LdapDirectories.Known known) throws LDAPException {
        return ldap.connect(known, () -> em.find(DirectoryEntry.class, known.id()), this::bindPassword);
    }

    private byte[] bindPassword(DirectoryEntry entry) {
        return sealing.unseal(entry.sealedBindPassword(), DirectoryEntry.passwordBinding(entry.id()));
    }

    private List<DirectoryEntry> entries() {
        return em.createQuery("SELECT d FROM DirectoryEntry d ORDER BY d.position", DirectoryEntry.class).getResultList();
    }

    /** The built-in directory's user; its login snapshot answers for most logins (LDAP users) without a bean call. */
    private Optional<DirectoryUserView> findInternal(String login) {
        return InternalLogins.certainlyAbsent(login) ? Optional.empty() : internal.find(login);
    }

    /** The directories a login may belong to: by NetBIOS name, by UPN suffix, else all in order (built-in first). */
    private List<Candidate> candidates(String login) {
        List<LdapDirectories.Known> entries = ldap.catalog(this::entries);
        int backslash = login.indexOf('\\');
        if (backslash > 0 && login.indexOf('\\', backslash + 1) < 0) {
            String domain = login.substring(0, backslash);
            String name = login.substring(backslash + 1);
            return entries.stream().filter(e -> domain.equalsIgnoreCase(e.netbiosName())).map(e -> new Candidate(e, name)).toList();
        }
        int at = login.lastIndexOf('@');
        if (at > 0) {
            String suffix = login.substring(at + 1);
            List<Candidate> bySuffix = entries.stream().filter(e -> e.upnSuffixes().stream().anyMatch(suffix::equalsIgnoreCase))
                    .map(e -> new Candidate(e, login.substring(0, at))).toList();
            if (!bySuffix.isEmpty()) {
                return bySuffix;
            }
        }
        List<Candidate> all = new ArrayList<>();
        all.add(new Candidate(null, login));
        entries.forEach(e -> all.add(new Candidate(e, login)));
        return all;
    }
}
