package org.countersign.api.user;

/**
 * One page of a user search.
 *
 * @param text words that must all appear, without case, in the login, display name, e-mail address
 *             or mobile number (digits only compared for the number); blank for everyone
 * @param directoryId only users of this directory, or {@code null} for all
 * @param twoFactor only users enabled ({@code true}) or not enabled ({@code false}) for two factors, or {@code null} for both
 * @param tokens narrows by token state; {@code null} means {@link TokenFilter#ANY}
 * @param first index of the first row, from 0
 * @param pageSize rows per page, 1 to 500
 * @param sort order; {@code null} means {@link UserSort#LOGIN}
 * @param descending reverse order
 */
public record UserQuery(String text, String directoryId, Boolean twoFactor, TokenFilter tokens, int first, int pageSize, UserSort sort,
                        boolean descending) {

    /** The first page of a text search, by login. */
    public static UserQuery text(String text, int pageSize) {
        return new UserQuery(text, null, null, TokenFilter.ANY, 0, pageSize, UserSort.LOGIN, false);
    }
}
