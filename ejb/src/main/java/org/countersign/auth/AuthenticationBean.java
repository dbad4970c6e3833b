package org.countersign.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.countersign.api.auth.AuthAttempt;
import org.countersign.api.auth.AuthOutcome;
import org.countersign.api.auth.AuthenticationService;

/**
 * The decision as a service, outside any transaction (a caller's is suspended): {@link AuthenticationDecision}'s. The
 * RADIUS endpoint, which runs outside one already, calls the decision directly.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuthenticationBean implements AuthenticationService {

    @Inject
    private AuthenticationDecision decision;

    @Override
    public AuthOutcome authenticate(AuthAttempt attempt) {
        return decision.authenticate(attempt);
    }
}
