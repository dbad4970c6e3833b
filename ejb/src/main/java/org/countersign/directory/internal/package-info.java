/**
 * The built-in directory: users, PBKDF2 password hashes and groups kept in the database. It is the
 * embedded default of a fresh installation and the home of the first administrator. Passwords are
 * never stored or logged in clear; a hash records its own algorithm and cost so the cost can rise later.
 */
package org.countersign.directory.internal;
