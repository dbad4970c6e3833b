/**
 * E-mail through Jakarta Mail: the SMTP server from global settings ({@code mail.smtp.host}, {@code .port},
 * {@code .security}, {@code .user}, {@code .password} sealed under the master key, {@code mail.from}) or, while
 * none is stored, the server's mail session {@code java:jboss/mail/Countersign}; the e-mail passcode sender
 * (channel {@code email}); test and enrolment messages for the console. Message texts are templates in
 * settings with {@code {placeholder}} fields, expanded in one pass so a value never expands again. No
 * password or code is ever logged, audited or put in an exception message.
 */
package org.countersign.delivery.mail;
