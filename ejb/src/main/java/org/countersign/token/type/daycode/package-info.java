/** The day code: a passcode sent ahead of time, valid until used or replaced by the day-code job. */
package org.countersign.token.type.daycode;
