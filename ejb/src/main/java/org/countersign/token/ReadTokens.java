package org.countersign.token;

import java.util.List;
import org.countersign.api.token.UserTokens;
import org.countersign.api.token.TokenView;

/** {@link UserTokens} as {@link TokenBean} reads them: the rows, unmanaged, beside their views. Immutable. */
final class ReadTokens implements UserTokens {

    private final String userId;
    private final List<Token> rows;
    private final List<TokenView> views;

    ReadTokens(String userId, List<Token> rows) {
        this.userId = userId;
        this.rows = List.copyOf(rows);
        this.views = this.rows.stream().map(Token::view).toList();
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public List<TokenView> views() {
        return views;
    }

    /** The rows as read, newest first. */
    List<Token> rows() {
        return rows;
    }
}
