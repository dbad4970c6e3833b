/** The TOTP soft token (RFC 6238): any authenticator app, a code every 30 or 60 seconds. */
package org.countersign.token.type.totp;
