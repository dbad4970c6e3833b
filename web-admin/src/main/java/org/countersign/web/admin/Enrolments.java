package org.countersign.web.admin;

import java.util.Base64;
import org.countersign.api.token.SoftTokenEnrolment;

/** What a page shows of a new authenticator-app token: its QR code, and its secret for an app that cannot scan. */
public final class Enrolments {

    private Enrolments() {
    }

    /** @return the QR code as a {@code data:} URI for an {@code img} element */
    public static String qrDataUri(SoftTokenEnrolment enrolment) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(enrolment.qrPng());
    }

    /** @return the Base32 secret of an {@code otpauth://} key URI, or {@code null} */
    public static String secretOf(String keyUri) {
        if (keyUri == null) {
            return null;
        }
        int at = keyUri.indexOf("secret=");
        if (at < 0) {
            return null;
        }
        int end = keyUri.indexOf('&', at);
        return keyUri.substring(at + 7, end < 0 ? keyUri.length() : end);
    }
}
