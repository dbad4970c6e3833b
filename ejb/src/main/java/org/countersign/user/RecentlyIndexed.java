package org.countersign.user;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.countersign.api.directory.DirectoryUserView;

/**
 * Which users a lookup copied into the user index lately, as the directory described them then: a RADIUS login
 * of a user already indexed, unchanged, does not open a transaction to find that out again. A user whose entry
 * changed (another mobile, another group) is written at once; an unchanged one again after ten minutes. Bounded:
 * forgets everything past 200,000 users. Thread-safe.
 */
@ApplicationScoped
public class RecentlyIndexed {

    static final long AGAIN_NANOS = TimeUnit.MINUTES.toNanos(10);
    static final int MAX = 200_000;

    private record Seen(int view, long at) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** @return whether the user should be written to the index now; if so, it counts as written from now on */
    public boolean due(DirectoryUserView user) {
        long now = System.nanoTime();
        Seen last = seen.get(user.userId());
        if (last != null && last.view() == user.hashCode() && now - last.at() < AGAIN_NANOS) {
            return false;
        }
        if (seen.size() >= MAX) {
            seen.clear();
        }
        seen.put(user.userId(), new Seen(user.hashCode(), now));
        return true;
    }

    /** Forgets a user, so the next lookup writes it (its write failed). */
    public void forget(String userId) {
        seen.remove(userId);
    }

    /** Forgets every user (their directory was removed, so their index rows are gone). */
    public void forgetAll() {
        seen.clear();
    }
}
