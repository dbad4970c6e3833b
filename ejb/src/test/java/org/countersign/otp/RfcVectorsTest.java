package org.countersign.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published test vectors: RFC 4226 Appendix D and RFC 6238 Appendix B. */
class RfcVectorsTest {

    private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED64 = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "counter {0} -> {1}")
    @CsvSource({"0,755224", "1,287082", "2,359152", "3,969429", "4,338314", "5,254676", "6,287922", "7,162583", "8,399871", "9,520489"})
    void hotpMatchesRfc4226AppendixD(long counter, String expected) {
        assertEquals(expected, Hotp.generate(SEED20, counter, OtpAlgorithm.SHA1, 6));
    }

    @ParameterizedTest(name = "T={0} {1} -> {2}")
    @CsvSource({
        "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826",
    })
    void totpMatchesRfc6238AppendixB(long seconds, OtpAlgorithm algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED20;
            case SHA256 -> SEED32;
            case SHA512 -> SEED64;
        };
        OtpParameters parameters = new OtpParameters(algorithm, 8, Duration.ofSeconds(30));
        assertEquals(expected, Totp.generate(seed, Instant.ofEpochSecond(seconds), parameters));
    }
}
