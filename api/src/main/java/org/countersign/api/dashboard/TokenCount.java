package org.countersign.api.dashboard;

import org.countersign.api.token.TokenStatus;

/**
 * How many tokens of one type are in one status.
 *
 * @param type the token type id ({@code totp}, {@code sms}...)
 */
public record TokenCount(String type, TokenStatus status, long count) {
}
