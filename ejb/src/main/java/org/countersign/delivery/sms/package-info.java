/**
 * SMS delivery through an HTTP gateway: the administrator describes the gateway's request (URL, method,
 * body, content type) as templates with {@code {mobile}} and {@code {message}} placeholders, so any
 * gateway that takes one HTTP request per message works without code. A passcode travels only in the
 * request to the gateway: never in a log line, an exception message or an audit record.
 */
package org.countersign.delivery.sms;
