/**
 * The authentication decision, free of any protocol: may this login in, now, with what it gave?
 * RADIUS, SecServer and the portals map their requests to {@link org.countersign.api.auth.AuthAttempt}
 * and their answers from {@link org.countersign.api.auth.AuthOutcome}.
 */
package org.countersign.api.auth;
