package org.countersign.token;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.countersign.api.token.TokenStatus;

/**
 * The tokens of users who authenticated lately, as this server last read or wrote them, so that a user's next RADIUS
 * login reads no row before the passcode is checked. Used only where a stale copy cannot let anyone in: the unlocked
 * acceptance ({@link UnlockedTokens}), whose write applies only if the token row's version is still the one kept here.
 * Every change of a token moves its version (JPA's {@code @Version}; the unlocked write moves it by hand), also a change
 * of the description only, such as its status or seed (TokenVersionTest). So a copy that another server, an
 * administrator or a failure has overtaken loses that write, and the attempt goes to the locked path, which reads the
 * rows fresh under a lock. An attempt the unlocked path does not settle forgets the user's copy, and so does every
 * change through JPA on this server ({@link TokenWrites}), so a copy outdated here is used at most once.
 * <p>
 * Only users with an active token are kept: "no token" is always read fresh, since it may allow a password alone. A copy
 * is kept for {@link #LIFETIME} at most, which bounds how long a token added by another server stays unseen (an added
 * token is the one change no version shows). At most {@link #CAPACITY} users are kept; past that, one leaves for each
 * one added. A user with one TOTP token takes about 560 bytes of heap (measured with 100,000: 56 MB). Thread-safe.
 */
@ApplicationScoped
public class RecentTokens {

    static final int CAPACITY = 100_000;
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** The instance the application uses, for {@link TokenWrites}, which JPA makes without injection. */
    private static volatile RecentTokens active;

    private record Kept(List<Token> rows, long keptAtNanos) {
    }

    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
    private final int capacity;
    private final long lifetimeNanos;

    public RecentTokens() {
        this(CAPACITY, LIFETIME);
    }

    RecentTokens(int capacity, Duration lifetime) {
        this.capacity = capacity;
        this.lifetimeNanos = lifetime.toNanos();
    }

    @PostConstruct
    void activate() {
        active = this;
    }

    @PreDestroy
    void deactivate() {
        if (active == this) {
            active = null;
        }
        kept.clear();
    }

    /** Forgets a user's tokens in the application's instance on this server, if there is one yet. */
    static void forgetOnThisServer(String userId) {
        RecentTokens instance = active;
        if (instance != null) {
            instance.forget(userId);
        }
    }

    /** @return copies of the user's tokens as kept, newest first, or {@code null} when none are kept or they are too old */
    List<Token> get(String userId, long nowNanos) {
        Kept k = kept.get(userId);
        if (k == null) {
            return null;
        }
        if (nowNanos - k.keptAtNanos() >= lifetimeNanos) {
            kept.remove(userId, k);
            return null;
        }
        return copies(k.rows());
    }

    /** Keeps copies of a user's tokens as just read, newest first; nothing when none of them is active. */
    void put(String userId, List<Token> rows, long nowNanos) {
        if (rows.stream().noneMatch(t -> t.status() == TokenStatus.ACTIVE)) {
            kept.remove(userId);
            return;
        }
        if (kept.size() >= capacity && !kept.containsKey(userId)) {
            Iterator<String> someone = kept.keySet().iterator();
            if (someone.hasNext()) {
                kept.remove(someone.next());
            }
        }
        kept.put(userId, new Kept(copies(rows), nowNanos));
    }

    /**
     * One token as just written, its version moved on, in place of the copy kept of it, if the user's tokens are kept.
     * The copy is kept as long as it was: only a read starts its lifetime again.
     */
    void written(Token token) {
        kept.computeIfPresent(token.userId(), (user, k) -> {
            List<Token> rows = new ArrayList<>(k.rows().size());
            boolean found = false;
            for (Token row : k.rows()) {
                boolean same = row.id().equals(token.id());
                found |= same;
                rows.add(same ? token.copy() : row);
            }
            return found ? new Kept(List.copyOf(rows), k.keptAtNanos()) : null;
        });
    }

    void forget(String userId) {
        if (userId != null) {
            kept.remove(userId);
        }
    }

    int size() {
        return kept.size();
    }

    private static List<Token> copies(List<Token> rows) {
        List<Token> copies = new ArrayList<>(rows.size());
        for (Token row : rows) {
            copies.add(row.copy());
        }
        return List.copyOf(copies);
    }
}
