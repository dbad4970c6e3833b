/**
 * The dashboard's figures, each one aggregate query (COUNT, GROUP BY, SUM of CASE) over the token, built-in user
 * and audit tables; nothing is counted by loading rows. Authentications are the audit records of category
 * {@code auth.*}, one per decided attempt, written by the authentication decision.
 */
package org.countersign.dashboard;
