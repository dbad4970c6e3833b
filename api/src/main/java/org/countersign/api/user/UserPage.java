package org.countersign.api.user;

import java.util.List;

/**
 * One page of search results.
 *
 * @param rows the users of this page, in the order asked for
 * @param total how many users match, counted up to {@code countLimit}
 * @param capped {@code true} when more than {@code total} users match: the count stopped at its limit to stay fast
 */
public record UserPage(List<UserRow> rows, int total, boolean capped) {

    public UserPage {
        rows = List.copyOf(rows);
    }
}
