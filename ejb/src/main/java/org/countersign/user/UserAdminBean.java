package org.countersign.user;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.directory.DirectoryConfigurationException;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.UserId;
import org.countersign.api.token.TokenException;
import org.countersign.api.token.TokenService;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.token.TokenView;
import org.countersign.api.user.TokenTypeChoice;
import org.countersign.api.user.UserAdminException;
import org.countersign.api.user.UserAdminService;
import org.countersign.api.user.UserDetail;
import org.countersign.api.user.UserPage;
import org.countersign.api.user.UserQuery;
import org.countersign.enrolment.EnrolmentCodes;
import org.countersign.token.type.TokenType;
import org.countersign.token.type.TokenTypeRegistry;

/**
 * The helpdesk's actions. Each one first asks the user's directory for the current values (a lookup
 * refreshes the index in a transaction of its own), then works on the index record in the caller's
 * transaction; a refused step rolls the whole action back.
 */
@Stateless
public class UserAdminBean implements UserAdminService {

    private static final Set<TokenStatus> LIVE = EnumSet.of(TokenStatus.PENDING, TokenStatus.ACTIVE, TokenStatus.LOCKED);

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private DirectoryService directories;

    @EJB
    private TokenService tokens;

    @EJB
    private UserIndexBean index;

    @EJB
    private EnrolmentCodes enrolment;

    @EJB
    private AuditService audit;

    @Inject
    private TokenTypeRegistry types;

    @Override
    public UserPage search(UserQuery query) {
        return new UserSearch(query).run(em);
    }

    @Override
    public Optional<UserDetail> find(String userId) {
        return current(userId).map(this::detail);
    }

    @Override
    public List<TokenTypeChoice> tokenTypes() {
        return types.all().stream().filter(t -> t.capabilities().userEnrollable()).map(UserAdminBean::choice).toList();
    }

    private static TokenTypeChoice choice(TokenType type) {
        var c = type.capabilities();
        return new TokenTypeChoice(type.id().value(), c.nameKey(), c.descriptionKey(), c.seeded(), c.outOfBand());
    }

    @Override
    public UserDetail setTwoFactor(String userId, boolean enabled, String actor) {
        requireActor(actor);
        UserRecord user = existing(userId);
        Instant now = Instant.now();
        if (!enabled && user.twoFactorMember()) {
            throw new UserAdminException("twoFactor", "this user is a member of the directory's two-factor group: "
                    + "remove them from that group in the directory to switch two factors off");
        }
        user.twoFactor(enabled, now);
        if (!enabled) {
            for (TokenView token : tokens.tokensOf(userId)) {
                if (LIVE.contains(token.status())) {
                    tokens.disable(token.id(), actor);
                }
            }
            enrolment.revokeAll(userId, now);
        }
        record(now, enabled ? "user.two-factor.enable" : "user.two-factor.disable", actor, userId, null);
        return detail(user);
    }

    @Override
    public UserDetail chooseTokenType(String userId, String tokenType, String actor) {
        requireActor(actor);
        UserRecord user = existing(userId);
        if (tokenTypes().stream().noneMatch(c -> c.id().equals(tokenType))) {
            throw new UserAdminException("tokenType", "choose one of " + tokenTypes().stream().map(TokenTypeChoice::id).toList());
        }
        Instant now = Instant.now();
        user.tokenType(tokenType, now);
        record(now, "user.token-type", actor, userId, "type " + tokenType);
        return detail(user);
    }

    @Override
    public UserDetail updateContact(String userId, String mobile, String mail, String actor) {
        requireActor(actor);
        existing(userId);
        String newMobile = mobile == null ? null : ContactRules.mobile(mobile);
        String newMail = mail == null ? null : ContactRules.mail(mail);
        if (newMobile == null && newMail == null) {
            throw new UserAdminException(null, "give a new mobile number, a new e-mail address, or both");
        }
        DirectoryUserView updated;
        try {
            updated = directories.updateContact(userId, newMobile, newMail, actor);
        } catch (DirectoryConfigurationException e) {
            String field = newMail == null ? "mobile" : newMobile == null ? "mail" : null;
            throw new UserAdminException(field, e.getMessage(), e);
        }
        return detail(index.refresh(updated));
    }

    @Override
    public UserDetail sendEnrolment(String userId, String actor) {
        requireActor(actor);
        UserRecord user = existing(userId);
        requireEnrollable(user);
        Instant expires = enrolment.issue(userId, user.displayName(), user.mail(), actor);
        record(Instant.now(), "user.enrolment.send", actor, userId, "to " + user.mail() + ", expires " + expires);
        return detail(user);
    }

    @Override
    public UserDetail unlock(String userId, String actor) {
        requireActor(actor);
        UserRecord user = existing(userId);
        List<TokenView> locked = tokens.tokensOf(userId).stream().filter(t -> t.status() == TokenStatus.LOCKED).toList();
        if (locked.isEmpty()) {
            throw new UserAdminException(null, "no token of this user is locked");
        }
        locked.forEach(t -> tokens.unlock(t.id(), actor));
        return detail(user);
    }

    @Override
    public String issueTemporaryCode(String userId, int validDays, int maxUses, String actor) {
        requireActor(actor);
        UserRecord user = existing(userId);
        if (!user.twoFactorEnabled()) {
            throw new UserAdminException(null, "switch two factors on for this user first");
        }
        try {
            return tokens.issueTemporaryCode(userId, validDays, maxUses, actor);
        } catch (TokenException e) {
            throw new UserAdminException(e.getMessage().contains("uses") ? "maxUses" : "validDays", e.getMessage(), e);
        }
    }

    @Override
    public UserDetail resetTokens(String userId, String actor) {
        requireActor(actor);
        UserRecord user = existing(userId);
        requireEnrollable(user);
        int disabled = 0;
        for (TokenView token : tokens.tokensOf(userId)) {
            if (LIVE.contains(token.status())) {
                tokens.disable(token.id(), actor);
                disabled++;
            }
        }
        Instant expires = enrolment.issue(userId, user.displayName(), user.mail(), actor);
        record(Instant.now(), "user.tokens.reset", actor, userId, disabled + " tokens disabled, enrolment sent, expires " + expires);
        return detail(user);
    }

    /** Enrolment needs two factors on, an e-mail address, and e-mail delivery. */
    private void requireEnrollable(UserRecord user) {
        if (!user.twoFactorEnabled()) {
            throw new UserAdminException(null, "switch two factors on for this user first");
        }
        if (user.mail() == null || user.mail().isBlank()) {
            throw new UserAdminException("mail", "the user has no e-mail address: add one first");
        }
        if (!enrolment.deliveryInstalled()) {
            throw new UserAdminException(null, "enrolment messages go by e-mail, and no e-mail delivery is installed on this server: "
                    + "set up the mail server first");
        }
    }

    /**
     * The user's record after asking their directory: a lookup refreshes the index in a transaction of its
     * own, so it happens before this transaction reads the record.
     */
    private Optional<UserRecord> current(String userId) {
        Optional<UserId> id = UserId.parse(userId);
        if (id.isEmpty() || userId.length() > 256) {
            return Optional.empty();
        }
        Optional<DirectoryUserView> found = directories.findUser(id.get().login());
        UserRecord record = em.find(UserRecord.class, userId);
        if (record == null && found.isPresent() && found.get().userId().equals(userId)) {
            record = index.refresh(found.get());
        }
        return Optional.ofNullable(record);
    }

    private UserRecord existing(String userId) {
        return current(userId).orElseThrow(() -> new UserAdminException(null, "no user " + userId + " in any directory"));
    }

    private UserDetail detail(UserRecord user) {
        List<TokenView> owned = tokens.tokensOf(user.id());
        String state = UserSearch.tokenStates(em, List.of(user.id())).get(user.id());
        return new UserDetail(UserSearch.row(user, state), owned, enrolment.openUntil(user.id()).orElse(null));
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new UserAdminException(null, "an action needs the name of who does it");
        }
    }

    private void record(Instant at, String category, String actor, String userId, String detail) {
        audit.record(new AuditRecord(at, category, "DONE", null, actor, userId, null, "admin", null, null, detail));
    }
}
