package org.countersign.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One word a user can be found by ({@link UserTerms}): the search's inverted index. The primary key
 * (term, user) serves prefix searches ({@code TERM LIKE 'abc%'}); the second index serves replacing a
 * user's terms. Rows are written and read with SQL by {@link UserIndexBean} and {@link UserSearch}; the
 * entity declares the table so the schema is created with the others.
 */
@Entity
@IdClass(UserTerm.Key.class)
@Table(name = "CS_USER_TERM", indexes = @Index(name = "CS_USER_TERM_USER", columnList = "USER_ID, TERM"))
public class UserTerm {

    @Id
    @Column(name = "TERM", length = UserTerms.MAX_LENGTH)
    private String term;

    @Id
    @Column(name = "USER_ID", length = 256)
    private String userId;

    protected UserTerm() {
    }

    /** The composite key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String term;
        private String userId;

        public Key() {
        }

        public Key(String term, String userId) {
            this.term = term;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(term, k.term) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(term, userId);
        }
    }
}
