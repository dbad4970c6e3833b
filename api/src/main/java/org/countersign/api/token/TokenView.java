package org.countersign.api.token;

import java.time.Instant;

/**
 * A token as the portals show it: no seed, no code.
 *
 * @param id the token's id
 * @param userId the directory-qualified user id it belongs to
 * @param type the type id, such as {@code totp}
 * @param status where it is in its life
 * @param codeLength digits of its codes (what a password-and-passcode field ends with)
 * @param failCount consecutive failed attempts since the last success or unlock
 * @param createdAt when it was enrolled
 * @param lastUsedAt when it last accepted a code, or {@code null}
 */
public record TokenView(String id, String userId, String type, TokenStatus status, int codeLength, int failCount,
                        Instant createdAt, Instant lastUsedAt) {
}
