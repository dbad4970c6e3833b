package org.countersign.directory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.countersign.directory.ldap.LdapDirectory;
import org.countersign.support.TimedSnapshot;

/**
 * The connected LDAP directories of this server, one per configured entry, rebuilt when an entry's
 * version changes and closed when the module stops. Thread-safe.
 */
@ApplicationScoped
public class LdapDirectories {

    private static final Logger LOG = Logger.getLogger(LdapDirectories.class.getName());

    /** How long a catalog read from the database is used before it is read again (changes made on this node apply at once). */
    static final long CATALOG_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("countersign.directory.catalog-seconds", 5));

    /**
     * What the login path needs to know of a configured LDAP directory, read from its row: immutable, so it can be shared
     * between threads, unlike the entity.
     */
    public record Known(String id, long version, String netbiosName, List<String> upnSuffixes) {
        public Known {
            upnSuffixes = List.copyOf(upnSuffixes);
        }

        static Known of(DirectoryEntry entry) {
            return new Known(entry.id(), entry.version(), entry.netbiosName(), entry.upnSuffixes());
        }
    }

    private record Connected(long version, LdapDirectory directory) {
    }

    private final Map<String, Connected> connected = new ConcurrentHashMap<>();
    private final TimedSnapshot<List<Known>> catalog = new TimedSnapshot<>(CATALOG_NANOS);

    /**
     * @param reader reads the configured directories in order, when the catalog is older than a few seconds or was
     *               invalidated by a change on this node
     * @return the configured LDAP directories in order, without a database read on most calls
     */
    public List<Known> catalog(Supplier<List<DirectoryEntry>> reader) {
        return catalog.get(() -> reader.get().stream().map(Known::of).toList());
    }

    /** Forgets the catalog, so the next login reads the directories again (after a directory is added, changed or removed). */
    public void invalidate() {
        catalog.invalidate();
    }

    /**
     * @param password unseals the service account's password; asked only when the pools must be (re)built
     * @return a connected directory for the entry, reusing the pools while the entry's version is unchanged
     */
    public LdapDirectory connect(Known known, Supplier<DirectoryEntry> entry, Function<DirectoryEntry, byte[]> password) throws LDAPException {
        Connected current = connected.get(known.id());
        if (current != null && current.version() == known.version()) {
            return current.directory();
        }
        DirectoryEntry row = entry.get();
        if (row == null) {
            throw new LDAPException(ResultCode.NO_SUCH_OBJECT, "directory " + known.id() + " was removed");
        }
        return connect(row, password.apply(row));
    }

    /** @return a connected directory for the entry, reusing the pools while the entry is unchanged */
    public synchronized LdapDirectory connect(DirectoryEntry entry, byte[] bindPassword) throws LDAPException {
        Connected current = connected.get(entry.id());
        if (current != null && current.version() == entry.version()) {
            return current.directory();
        }
        LdapDirectory fresh = open(entry, bindPassword);
        if (current != null) {
            current.directory().close();
        }
        connected.put(entry.id(), new Connected(entry.version(), fresh));
        LOG.info("LDAP directory " + entry.id() + " connected to " + entry.servers());
        return fresh;
    }

    /** Opens a directory that is not kept, to test settings before they are stored. */
    static LdapDirectory open(DirectoryEntry entry, byte[] bindPassword) throws LDAPException {
        return new LdapDirectory(config(entry, bindPassword));
    }

    /** The connection settings of an entry with its unsealed service password. */
    static LdapDirectory.Config config(DirectoryEntry entry, byte[] bindPassword) {
        List<String> hosts = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (String server : entry.servers()) {
            int colon = server.lastIndexOf(':');
            hosts.add(colon < 0 ? server : server.substring(0, colon));
            ports.add(colon < 0 ? ("LDAPS".equals(entry.security()) ? 636 : 389) : Integer.parseInt(server.substring(colon + 1)));
        }
        return new LdapDirectory.Config(entry.id(), hosts, ports, entry.security(), entry.trustStore(),
                entry.connectTimeoutMillis(), entry.responseTimeoutMillis(), entry.baseDn(), entry.bindDn(),
                new String(bindPassword, StandardCharsets.UTF_8), entry.loginAttribute(), entry.userObjectFilter(), entry.mobileAttribute(),
                entry.mailAttribute(), entry.twoFactorGroupDn());
    }

    /** Closes the pools of a directory that was removed. */
    public synchronized void disconnect(String id) {
        invalidate();
        Connected current = connected.remove(id);
        if (current != null) {
            current.directory().close();
        }
    }

    @PreDestroy
    synchronized void closeAll() {
        connected.values().forEach(c -> c.directory().close());
        connected.clear();
    }
}
