package org.countersign.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A second opinion: 1,000 random secrets (20 to 64 bytes, every algorithm, 6 and 8 digits, 30 and 60 s), TOTP and HOTP, against {@code oathtool} (Debian package
 * oathtool, installed by .ci/run). Skipped, not failed, only where oathtool is not installed.
 */
class OathtoolAgreementTest {

    private static final int SECRETS = 1000;
    private static final OtpAlgorithm[] ALGORITHMS = OtpAlgorithm.values();

    @Test
    void thousandRandomSecretsAgreeWithOathtool() throws IOException, InterruptedException {
        Assumptions.assumeTrue(new File("/usr/bin/oathtool").canExecute(), "oathtool is not installed");
        Random random = new Random(20261123L);
        StringBuilder input = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SECRETS; i++) {
            byte[] secret = new byte[20 + random.nextInt(45)];
            random.nextBytes(secret);
            String hex = HexFormat.of().formatHex(secret);
            OtpAlgorithm algorithm = ALGORITHMS[i % ALGORITHMS.length];
            int digits = random.nextBoolean() ? 6 : 8;
            int period = random.nextBoolean() ? 30 : 60;
            long seconds = (long) (random.nextDouble() * 4_000_000_000L);
            long counter = random.nextInt(Integer.MAX_VALUE);
            OtpParameters parameters = new OtpParameters(algorithm, digits, Duration.ofSeconds(period));
            input.append(String.join(" ", "totp", algorithm.name(), Integer.toString(digits), Integer.toString(period),
                    Long.toString(seconds), hex)).append('\n');
            expected.add(Totp.generate(secret, Instant.ofEpochSecond(seconds), parameters));
            // oathtool's HOTP knows only HMAC-SHA1 (RFC 4226); the other HMACs are covered by TOTP, which is HOTP over the step
            input.append(String.join(" ", "hotp", "SHA1", Integer.toString(digits), "0",
                    Long.toString(counter), hex)).append('\n');
            expected.add(Hotp.generate(secret, counter, OtpAlgorithm.SHA1, digits));
        }
        String script = "while read kind alg digits period moving key; do "
                + "if [ \"$kind\" = totp ]; then oathtool --totp=$alg -d $digits -s ${period}s -N @$moving $key; "
                + "else oathtool --hotp -d $digits -c $moving $key; fi; done";
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.toString().getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "oathtool finished");
        List<String> actual = output.lines().toList();
        assertEquals(expected.size(), actual.size(), "one line per code; oathtool said:\n" + output.substring(0, Math.min(500, output.length())));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "line " + (i + 1) + " of the oathtool input: " + input.toString().lines().skip(i).findFirst().orElseThrow().replaceAll(" [0-9a-f]+$", " <key>"));
        }
    }
}
