/**
 * One-time password maths: HOTP (RFC 4226) and TOTP (RFC 6238) over HMAC-SHA1/256/512, 6 or 8
 * digits, 30 or 60 second steps, 64-bit time. Pure Java: no JPA, no CDI, no I/O, no logging.
 * Every class is immutable and thread-safe. Codes are compared in constant time, and a window is
 * searched without stopping at the first match, so timing does not tell which step matched.
 */
package org.countersign.otp;
