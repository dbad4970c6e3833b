package org.countersign.api.auth;

import jakarta.ejb.Local;

/**
 * Decides authentication attempts: directory password, then the second factor. Fails closed: when a
 * directory or the database cannot answer, the outcome is a Reject. Every decision is audited.
 * Container-managed and thread-safe.
 */
@Local
public interface AuthenticationService {

    AuthOutcome authenticate(AuthAttempt attempt);
}
