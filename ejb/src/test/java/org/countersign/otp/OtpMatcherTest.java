package org.countersign.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtpMatcherTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final OtpParameters SIX = OtpParameters.defaults();
    private static final long NOW = Totp.step(Instant.parse("2026-11-23T10:00:00Z"), SIX);

    private static Passcode at(long step) {
        return Passcode.parse(Totp.generateAtStep(SECRET, step, SIX));
    }

    @Test
    void windowOfOneAcceptsOnlyTheNeighbouringSteps() {
        assertEquals(new Match.NotFound(), OtpMatcher.totp(SECRET, SIX, at(NOW - 2), NOW, 1, -1));
        assertEquals(new Match.Found(NOW - 1), OtpMatcher.totp(SECRET, SIX, at(NOW - 1), NOW, 1, -1));
        assertEquals(new Match.Found(NOW), OtpMatcher.totp(SECRET, SIX, at(NOW), NOW, 1, -1));
        assertEquals(new Match.Found(NOW + 1), OtpMatcher.totp(SECRET, SIX, at(NOW + 1), NOW, 1, -1));
        assertEquals(new Match.NotFound(), OtpMatcher.totp(SECRET, SIX, at(NOW + 2), NOW, 1, -1));
    }

    @Test
    void rejectsReplayedCodeInSameTimeStep() {
        assertEquals(new Match.Replayed(NOW), OtpMatcher.totp(SECRET, SIX, at(NOW), NOW, 1, NOW));
    }

    @Test
    void rejectsOlderStepAfterANewerOne() {
        assertEquals(new Match.Replayed(NOW - 1), OtpMatcher.totp(SECRET, SIX, at(NOW - 1), NOW, 1, NOW));
    }

    @Test
    void hotpLooksAheadAndNeverBack() {
        assertEquals(new Match.Found(5), OtpMatcher.hotp(SECRET, SIX, Passcode.parse("254676"), -1, 10));
        assertEquals(new Match.NotFound(), OtpMatcher.hotp(SECRET, SIX, Passcode.parse("254676"), 5, 10));
        assertEquals(new Match.NotFound(), OtpMatcher.hotp(SECRET, SIX, Passcode.parse("520489"), -1, 3), "counter 9 is beyond look-ahead 3");
    }

    @Test
    void hotpResyncNeedsTwoConsecutiveCodes() {
        assertEquals(new Match.Found(41), OtpMatcher.hotpResync(SECRET, SIX,
                Passcode.parse(Hotp.generate(SECRET, 40, OtpAlgorithm.SHA1, 6)),
                Passcode.parse(Hotp.generate(SECRET, 41, OtpAlgorithm.SHA1, 6)), 0, 100));
        assertEquals(new Match.NotFound(), OtpMatcher.hotpResync(SECRET, SIX,
                Passcode.parse(Hotp.generate(SECRET, 40, OtpAlgorithm.SHA1, 6)),
                Passcode.parse(Hotp.generate(SECRET, 42, OtpAlgorithm.SHA1, 6)), 0, 100));
    }

    @Test
    void codeOfTheWrongLengthIsNotFound() {
        assertEquals(new Match.NotFound(), OtpMatcher.totp(SECRET, SIX, Passcode.parse("12345678"), NOW, 1, -1));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 9, 40, 0, -6})
    void refusesDigitsOtherThanSixOrEight(int digits) {
        InvalidOtpParameterException e = assertThrows(InvalidOtpParameterException.class, () -> OtpParameters.of("SHA1", digits, 30));
        assertTrue(e.getMessage().contains("6 or 8"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -30, 45, 120})
    void refusesPeriodsOtherThanThirtyOrSixty(int period) {
        assertThrows(InvalidOtpParameterException.class, () -> OtpParameters.of("SHA1", 6, period));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA3", "", "sha-384"})
    void refusesUnknownAlgorithms(String name) {
        InvalidOtpParameterException e = assertThrows(InvalidOtpParameterException.class, () -> OtpAlgorithm.parse(name));
        assertTrue(e.getMessage().contains("SHA1, SHA256 or SHA512"), e.getMessage());
        assertEquals(OtpAlgorithm.SHA256, OtpAlgorithm.parse("hmac-sha-256"));
    }

    @Test
    void refusesSecretsShorterThan128Bits() {
        byte[] fifteen = new byte[15];
        InvalidOtpParameterException e = assertThrows(InvalidOtpParameterException.class,
                () -> OtpMatcher.totp(fifteen, SIX, Passcode.parse("123456"), NOW, 1, -1));
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12a456", "١٢٣٤٥٦", "１２３４５６", "123", "12345678901234567", "12 3456", "-12345"})
    void refusesEmptyNonAsciiAndNonDigitCodes(String typed) {
        assertThrows(InvalidOtpParameterException.class, () -> Passcode.parse(typed));
    }

    @Test
    void passcodeNeverShowsItsDigits() {
        Passcode p = Passcode.parse("987654");
        assertFalse(p.toString().contains("987654"));
        assertInstanceOf(Match.Found.class, OtpMatcher.hotp(SECRET, SIX, Passcode.parse("755224"), -1, 0));
    }
}
