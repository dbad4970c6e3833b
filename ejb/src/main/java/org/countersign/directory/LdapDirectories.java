package org.countersign.directory;

import com.unboundid.ldap.sdk.LDAPException;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.countersign.directory.ldap.LdapDirectory;

/**
 * The connected LDAP directories of this server, one per configured entry, rebuilt when an entry's
 * version changes and closed when the module stops. Thread-safe.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LdapDirectories {

    private static final Logger LOG = Logger.getLogger(LdapDirectories.class.getName());

    private record Connected(long version, LdapDirectory directory) {
    }

    private final Map<String, Connected> connected = new HashMap<>();

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
