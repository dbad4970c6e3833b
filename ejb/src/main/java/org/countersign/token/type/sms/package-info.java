/** The SMS passcode: a one-time code sent by text message when the user logs in. */
package org.countersign.token.type.sms;
