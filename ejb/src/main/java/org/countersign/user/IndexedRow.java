package org.countersign.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.jpa.InstantColumn;

/**
 * A user's index row as stored, read by one JDBC query, and its "seen" time written by one: what a login needs to find
 * that the row is as the directory describes the user, without a transaction or a persistence context.
 *
 * @param termsVersion the rules the search terms were written by, {@code null} for none
 */
record IndexedRow(String login, String displayName, String mobile, String mail, boolean twoFactorMember, boolean missing,
        Integer termsVersion, Instant seenAt) {

    private static final String SELECT = "SELECT LOGIN, DISPLAY_NAME, MOBILE, MAIL, TWO_FACTOR_MEMBER, MISSING, TERMS_VERSION, SEEN_AT "
            + "FROM CS_USER WHERE ID = ?";

    /** @return the user's row, if the index has one */
    static Optional<IndexedRow> read(Connection connection, String userId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT)) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int terms = row.getInt(7);
                Integer termsVersion = row.wasNull() ? null : terms;
                return Optional.of(new IndexedRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5),
                        row.getBoolean(6), termsVersion, InstantColumn.instantOf(row.getTimestamp(8))));
            }
        }
    }

    /** @return whether the row says what the directory says of the user, with search terms by the current rules: nothing to rewrite */
    boolean current(DirectoryUserView user) {
        return UserRecord.describes(user, login, displayName, mobile, mail, twoFactorMember, missing) && !UserRecord.termsOutdated(termsVersion);
    }

    /**
     * Marks the user seen at {@code now} unless a login or sync marked it after {@code notSince} meanwhile; the row's
     * version stays, as no one edits "seen" (an administrator's change to the record is not refused for it).
     */
    static void markSeen(Connection connection, String userId, Instant now, Instant notSince) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE CS_USER SET SEEN_AT = ? WHERE ID = ? AND (SEEN_AT IS NULL OR SEEN_AT < ?)")) {
            update.setTimestamp(1, InstantColumn.of(now));
            update.setString(2, userId);
            update.setTimestamp(3, InstantColumn.of(notSince));
            update.executeUpdate();
        }
    }
}
