package org.countersign.token;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells {@link RecentTokens} of every token JPA writes on this server: the user's kept copy is forgotten, and the next
 * read is fresh. Called at the flush, before the commit, so a read between the two may keep the old rows again; their
 * version then no longer matches, the first attempt on them goes to the locked path and forgets them (see
 * {@link RecentTokens}).
 */
public class TokenWrites {

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Token token) {
        RecentTokens.forgetOnThisServer(token.userId());
    }
}
