/** The e-mail passcode: a one-time code sent by e-mail when the user logs in. */
package org.countersign.token.type.email;
