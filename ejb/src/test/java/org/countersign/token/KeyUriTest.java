package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
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
    void qrCodeIsAPngThatReadsBackWithAQuietZoneOfFourModules() throws Exception {
        // short and long key URIs: ZXing picks a bigger code (more modules, fewer pixels each) for more text
        for (String uri : List.of("otpauth://totp/x:y?secret=ABC", KeyUri.of("totp", "Acme Corporation Remote Access", "alice.longname@acme.example",
                "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII), OtpParameters.defaults()))) {
            byte[] png = QrCodes.png(uri);
            assertTrue(png.length > 100 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(QrCodes.SIZE, image.getWidth());
            assertEquals(QrCodes.SIZE, image.getHeight());
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            Result read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))));
            assertEquals(uri, read.getText());
            // the top-left finder pattern's first row is 7 dark modules: its start is the quiet zone, its length 7 modules
            int y = 0;
            int x = -1;
            for (; y < image.getHeight() && x < 0; y++) {
                for (int i = 0; i < image.getWidth() && x < 0; i++) {
                    x = (image.getRGB(i, y) & 0xFFFFFF) == 0 ? i : -1;
                }
            }
            int run = 0;
            while ((image.getRGB(x + run, y - 1) & 0xFFFFFF) == 0) {
                run++;
            }
            int module = run / 7;
            assertTrue(module >= 3, uri + ": " + module + " pixels a module");
            assertTrue(x >= QrCodes.QUIET_ZONE_MODULES * module && y - 1 >= QrCodes.QUIET_ZONE_MODULES * module,
                    uri + ": quiet zone " + x + " by " + (y - 1) + " pixels at " + module + " a module");
        }
    }
}
