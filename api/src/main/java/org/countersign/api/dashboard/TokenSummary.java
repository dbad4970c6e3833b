package org.countersign.api.dashboard;

import java.util.List;

/**
 * Users and tokens.
 *
 * @param usersWithActiveToken distinct users holding at least one active token (the users who can log in with two factors)
 * @param usersWithLockedToken distinct users holding at least one locked token
 * @param builtInUsers users of the built-in directory (LDAP users are not counted: they live in their directories)
 * @param tokens tokens by type and status, largest first
 */
public record TokenSummary(long usersWithActiveToken, long usersWithLockedToken, long builtInUsers, List<TokenCount> tokens) {

    public TokenSummary {
        tokens = List.copyOf(tokens);
    }

    /** @return all tokens, whatever their type and status */
    public long tokenTotal() {
        return tokens.stream().mapToLong(TokenCount::count).sum();
    }
}
