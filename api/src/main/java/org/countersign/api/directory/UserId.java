package org.countersign.api.directory;

import java.util.Optional;

/**
 * A user id taken apart: {@code <directory id>:<login>}, the form tokens, the user index and audit records use
 * ({@link DirectoryUserView#userId()}). The login may itself contain colons; the directory id does not.
 *
 * @param directoryId the directory's id, never empty
 * @param login the login name in that directory, never empty
 */
public record UserId(String directoryId, String login) {

    /** @return the parts of a user id; empty for {@code null}, an id without a colon, or one with an empty part */
    public static Optional<UserId> parse(String userId) {
        int colon = userId == null ? -1 : userId.indexOf(':');
        if (colon <= 0 || colon == userId.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new UserId(userId.substring(0, colon), userId.substring(colon + 1)));
    }

    /** @return the login part of a user id ({@code corp:alice} gives {@code alice}); the whole text if it has no colon */
    public static String loginOf(String userId) {
        return userId.substring(userId.indexOf(':') + 1);
    }
}
