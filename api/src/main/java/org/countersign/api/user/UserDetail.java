package org.countersign.api.user;

import java.time.Instant;
import java.util.List;
import org.countersign.api.token.TokenView;

/**
 * One user with everything the helpdesk panel shows.
 *
 * @param user the user as searches list them
 * @param tokens the user's tokens, newest first (no seeds, no codes)
 * @param enrolmentExpiresAt when the user's open enrolment code expires, or {@code null} when none is open
 */
public record UserDetail(UserRow user, List<TokenView> tokens, Instant enrolmentExpiresAt) {

    public UserDetail {
        tokens = List.copyOf(tokens);
    }
}
