package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.countersign.otp.OtpParameters;
import org.junit.jupiter.api.Test;

class KeyUriTest {

    @Test
    void base32MatchesRfc4648Vectors() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII)), v[0]);
        }
    }

    @Test
    void keyUriCarriesIssuerAccountAndParameters() {
        String uri = KeyUri.of("totp", "Acme Corp", "alice@acme.example", "12345678901234567890".getBytes(StandardCharsets.US_ASCII),
                OtpParameters.defaults());
        assertEquals("otpauth://totp/Acme%20Corp:alice%40acme.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30", uri);
    }

    @Test
    void qrCodeIsAPng() {
        byte[] png = QrCodes.png("otpauth://totp/x:y?secret=ABC");
        assertTrue(png.length > 100 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }
}
