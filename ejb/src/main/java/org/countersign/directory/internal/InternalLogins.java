package org.countersign.directory.internal;

import java.util.Optional;
import java.util.Set;
import org.countersign.support.TimedSnapshot;

/**
 * The snapshot of the built-in directory's logins, outside its bean: a RADIUS request asks it without a bean call, and
 * a bean has no static method the container would warn about.
 */
public final class InternalLogins {

    /** The most logins {@link #LOGINS} keeps; a larger built-in directory is asked per lookup. */
    static final int LOGIN_SNAPSHOT_LIMIT = 10_000;
    /**
     * The logins of the built-in directory, when it has at most {@link #LOGIN_SNAPSHOT_LIMIT}: a RADIUS request for
     * anyone else (a company's LDAP users) looks nobody up here. A user added on this server counts at once, one added
     * on another within 5 s. Empty when the directory is larger.
     */
    static final TimedSnapshot<Optional<Set<String>>> LOGINS = new TimedSnapshot<>(5_000_000_000L);

    private InternalLogins() {
    }

    /**
     * Answers without a bean call or a query whether the login is certainly not in the built-in directory, from the
     * snapshot of its logins while that is fresh: most RADIUS users live in the company's LDAP directory.
     *
     * @return true when the login cannot be a built-in user's; false when it is, or when only {@link InternalDirectoryBean#find} can tell
     */
    public static boolean certainlyAbsent(String login) {
        if (login == null || login.isBlank() || login.length() > 128) {
            return true;
        }
        Optional<Set<String>> logins = LOGINS.fresh().flatMap(known -> known);
        return logins.isPresent() && !logins.get().contains(InternalUser.normalise(login));
    }
}
