package org.countersign.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.countersign.otp.OtpParameters;

/**
 * The otpauth:// key URI that authenticator apps read from a QR code
 * ({@code otpauth://totp/Issuer:account?secret=...&issuer=...&algorithm=...&digits=...&period=...}).
 */
final class KeyUri {

    private KeyUri() {
    }

    static String of(String type, String issuer, String account, byte[] seed, OtpParameters parameters) {
        String label = encode(issuer) + ":" + encode(account);
        StringBuilder uri = new StringBuilder("otpauth://").append(type).append('/').append(label)
                .append("?secret=").append(Base32.encode(seed))
                .append("&issuer=").append(encode(issuer))
                .append("&algorithm=").append(parameters.algorithm().name())
                .append("&digits=").append(parameters.digits());
        if (type.equals("totp")) {
            uri.append("&period=").append(parameters.period().toSeconds());
        } else {
            uri.append("&counter=0");
        }
        return uri.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
