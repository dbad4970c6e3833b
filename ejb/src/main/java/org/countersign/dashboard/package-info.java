/**
 * The dashboard's figures, each made by aggregate queries (COUNT, GROUP BY) over the token, built-in user, audit and
 * RADIUS accounting tables; nothing is counted by loading rows. Authentications are the audit records of category
 * {@code auth.*}, one per decided attempt, written by the authentication decision. A clock hour's authentications are
 * counted once it is over and kept ({@link org.countersign.audit.HourTallies}); only the hour under way is counted at
 * every refresh.
 */
package org.countersign.dashboard;
