package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.annotation.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.RejectReason;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.api.token.SoftTokenParameters;
import org.countersign.api.token.TokenService;
import org.countersign.api.token.TokenView;
import org.countersign.api.token.UserTokens;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.token.VerificationOutcome;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token service inside the server, on the real database. Codes are computed here with an
 * independent RFC 4226 implementation from the seed the enrolment's key URI hands out.
 */
@ExtendWith(ArquillianExtension.class)
class TokenServiceIT {

    private static final AttemptSource SOURCE = new AttemptSource("radius", "it-client", "127.0.0.1");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(TokenServiceIT.class);
    }

    @EJB
    private TokenService tokens;

    @EJB
    private AuditService audit;

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Resource
    private UserTransaction tx;

    /** A user with an active TOTP token; {@code seed} and the step its activation used. */
    private record Enrolled(String user, String tokenId, byte[] seed, long activatedStep) {
    }

    private Enrolled activeTotp() {
        String user = "it-" + UUID.randomUUID();
        SoftTokenEnrolment enrolment = tokens.enrolSoftToken(user, "totp", user, SoftTokenParameters.defaults());
        assertEquals(TokenStatus.PENDING, enrolment.token().status());
        byte[] seed = seedOf(enrolment.keyUri());
        long step = Instant.now().getEpochSecond() / 30;
        VerificationOutcome activated = tokens.activate(enrolment.token().id(), hotp(seed, step - 1), SOURCE);
        assertInstanceOf(VerificationOutcome.Accepted.class, activated, "activation with the previous step's code");
        return new Enrolled(user, enrolment.token().id(), seed, step - 1);
    }

    @Test
    void sameCodeFromTwentyThreadsIsAcceptedExactlyOnce() throws InterruptedException {
        Enrolled e = activeTotp();
        String code = hotp(e.seed(), e.activatedStep() + 1);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // plain threads in a test only: the point is twenty transactions racing on one row
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    VerificationOutcome outcome = tokens.verify(e.user(), code, SOURCE);
                    String key = outcome instanceof VerificationOutcome.Rejected r ? r.reason().name() : "ACCEPTED";
                    outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                } catch (InterruptedException | RuntimeException ex) {
                    outcomes.computeIfAbsent("ERROR " + ex, k -> new AtomicInteger()).incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(60_000);
        }
        Map<String, Integer> counted = outcomes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, x -> x.getValue().get()));
        // One transaction at a time holds the row: the first accepts, every later one is a replay, and
        // replays are failed attempts like any other, so the tenth locks the token (threshold 10).
        assertEquals(Map.of("ACCEPTED", 1, "REPLAYED", 10, "LOCKED", 9), counted);
    }

    @Test
    void tokensReadBeforeTheCodeAreVerifiedAsTheyAreWhenTheCodeArrives() {
        Enrolled e = activeTotp();
        // nothing changed since the read: accepted, and the step moved forward in the database
        UserTokens read = tokens.read(e.user());
        assertEquals(List.of(e.tokenId()), read.views().stream().map(TokenView::id).toList());
        assertTrue(tokens.verify(read, hotp(e.seed(), e.activatedStep() + 1), null, SOURCE).accepted());
        assertEquals(RejectReason.REPLAYED, reason(tokens.verify(e.user(), hotp(e.seed(), e.activatedStep() + 1), SOURCE)));

        // the same code used elsewhere between the read and the verification: the rows read are out of date, and the
        // code is refused as the replay it is
        UserTokens stale = tokens.read(e.user());
        String code = hotp(e.seed(), e.activatedStep() + 2);
        assertTrue(tokens.verify(e.user(), code, SOURCE).accepted());
        assertEquals(RejectReason.REPLAYED, reason(tokens.verify(stale, code, null, SOURCE)));

        // the token disabled between the read and the verification: a code the rows read would take verifies nothing
        Enrolled f = activeTotp();
        UserTokens beforeDisable = tokens.read(f.user());
        tokens.disable(f.tokenId(), "it");
        assertEquals(RejectReason.NO_TOKEN, reason(tokens.verify(beforeDisable, hotp(f.seed(), f.activatedStep() + 1), null, SOURCE)));
    }

    @Test
    void rejectsReplayAndOlderStepAfterNewer() {
        Enrolled e = activeTotp();
        assertTrue(tokens.verify(e.user(), hotp(e.seed(), e.activatedStep() + 2), SOURCE).accepted());
        assertEquals(RejectReason.REPLAYED, reason(tokens.verify(e.user(), hotp(e.seed(), e.activatedStep() + 2), SOURCE)));
        assertEquals(RejectReason.REPLAYED, reason(tokens.verify(e.user(), hotp(e.seed(), e.activatedStep() + 1), SOURCE)));
    }

    @Test
    void locksAtTheThresholdLeavesOtherUsersAloneAndUnlocks() {
        Enrolled alice = activeTotp();
        Enrolled bob = activeTotp();
        String wrong = wrongCode(alice.seed(), alice.activatedStep());
        for (int i = 1; i <= 10; i++) {
            assertEquals(RejectReason.WRONG_CODE, reason(tokens.verify(alice.user(), wrong, SOURCE)), "attempt " + i);
        }
        assertEquals(TokenStatus.LOCKED, tokens.tokensOf(alice.user()).get(0).status());
        assertEquals(RejectReason.LOCKED, reason(tokens.verify(alice.user(), hotp(alice.seed(), alice.activatedStep() + 1), SOURCE)),
                "even the right code is refused while locked");
        assertTrue(tokens.verify(bob.user(), hotp(bob.seed(), bob.activatedStep() + 1), SOURCE).accepted(), "another user is unaffected");
        tokens.unlock(alice.tokenId(), "it-admin");
        assertTrue(tokens.verify(alice.user(), hotp(alice.seed(), alice.activatedStep() + 1), SOURCE).accepted());
        assertEquals(0, tokens.tokensOf(alice.user()).get(0).failCount());
    }

    @Test
    void hotpResynchronisesWithTwoConsecutiveCodes() {
        String user = "it-" + UUID.randomUUID();
        SoftTokenEnrolment enrolment = tokens.enrolSoftToken(user, "hotp", user, SoftTokenParameters.defaults());
        byte[] seed = seedOf(enrolment.keyUri());
        assertTrue(enrolment.keyUri().contains("counter=0"));
        assertTrue(tokens.activate(enrolment.token().id(), hotp(seed, 0), SOURCE).accepted());
        assertEquals(RejectReason.WRONG_CODE, reason(tokens.verify(user, hotp(seed, 60), SOURCE)), "beyond the look-ahead of 10");
        assertTrue(tokens.resync(enrolment.token().id(), hotp(seed, 60), hotp(seed, 61), "it-admin").accepted());
        assertTrue(tokens.verify(user, hotp(seed, 62), SOURCE).accepted());
        assertEquals(RejectReason.WRONG_CODE, reason(tokens.verify(user, hotp(seed, 61), SOURCE)));
    }

    @Test
    void temporaryCodeWorksForItsNumberOfUses() {
        String user = "it-" + UUID.randomUUID();
        String code = tokens.issueTemporaryCode(user, 3, 2, "it-helpdesk");
        assertEquals(8, code.length());
        assertTrue(tokens.verify(user, code, SOURCE).accepted());
        assertTrue(tokens.verify(user, code, SOURCE).accepted());
        assertFalse(tokens.verify(user, code, SOURCE).accepted());
    }

    @Test
    void badParametersAndCodesAreRefusedClearly() {
        String user = "it-" + UUID.randomUUID();
        for (SoftTokenParameters bad : List.of(new SoftTokenParameters("SHA1", 5, 30), new SoftTokenParameters("SHA1", 9, 30),
                new SoftTokenParameters("SHA1", 6, 0), new SoftTokenParameters("MD5", 6, 30))) {
            Exception ex = assertThrows(Exception.class, () -> tokens.enrolSoftToken(user, "totp", user, bad));
            assertTrue(ex.getMessage() != null && !ex.getMessage().isBlank(), bad.toString());
        }
        Enrolled e = activeTotp();
        for (String code : new String[] {"", "  ", "١٢٣٤٥٦", "12ab56"}) {
            assertEquals(RejectReason.MALFORMED, reason(tokens.verify(e.user(), code, SOURCE)), "'" + code + "'");
        }
        assertEquals(RejectReason.NO_TOKEN, reason(tokens.verify("it-nobody-" + UUID.randomUUID(), "123456", SOURCE)));
    }

    @Test
    void seedCopiedToAnotherRowFailsClosed() throws Exception {
        Enrolled victim = activeTotp();
        Enrolled attacker = activeTotp();
        tx.begin();
        em.createNativeQuery("UPDATE CS_TOKEN SET SEALED_SEED = (SELECT SEALED_SEED FROM CS_TOKEN WHERE ID = ?) WHERE ID = ?")
                .setParameter(1, attacker.tokenId()).setParameter(2, victim.tokenId()).executeUpdate();
        tx.commit();
        String attackersCode = hotp(attacker.seed(), attacker.activatedStep() + 1);
        assertThrows(EJBException.class, () -> tokens.verify(victim.user(), attackersCode, SOURCE));
    }

    @Test
    void everyVerificationIsAuditedAndNoSecretIsWrittenAnywhere() throws IOException {
        Enrolled e = activeTotp();
        String good = hotp(e.seed(), e.activatedStep() + 1);
        tokens.verify(e.user(), good, SOURCE);
        tokens.verify(e.user(), good, SOURCE);
        List<AuditRecord> records = audit.latest(e.user(), 50);
        Function<String, Long> count = outcome -> records.stream().filter(r -> r.category().equals("token.verify") && r.outcome().equals(outcome)).count();
        assertEquals(1, count.apply("ACCEPTED"));
        assertEquals(1, count.apply("REJECTED"));
        assertTrue(records.stream().anyMatch(r -> "REPLAYED".equals(r.reason()) && "it-client".equals(r.client())));
        String seedText = base32(e.seed());
        for (AuditRecord r : records) {
            assertFalse(r.toString().contains(good) || r.toString().contains(seedText), r.toString());
        }
        String temporary = tokens.issueTemporaryCode(e.user(), 1, 1, "it-helpdesk");
        assertTrue(tokens.verify(e.user(), temporary, SOURCE).accepted());
        for (AuditRecord r : audit.latest(e.user(), 50)) {
            assertFalse(r.toString().contains(temporary), r.toString());
        }
        String log = Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"));
        assertFalse(log.contains(seedText), "the seed is in server.log");
        assertFalse(log.contains(temporary), "the temporary code is in server.log");
    }

    private static RejectReason reason(VerificationOutcome outcome) {
        return outcome instanceof VerificationOutcome.Rejected r ? r.reason() : null;
    }

    private static String wrongCode(byte[] seed, long around) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean inWindow = false;
            for (long s = around - 3; s <= around + 6; s++) {
                inWindow |= hotp(seed, s).equals(code);
            }
            if (!inWindow) {
                return code;
            }
        }
    }

    /** RFC 4226 HOTP, SHA-1, 6 digits: an independent reference for the server's engine. */
    static String hotp(byte[] seed, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The seed an otpauth:// key URI carries (RFC 4648 base32), as an authenticator app reads it. */
    static byte[] seedOf(String keyUri) {
        String secret = keyUri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : secret.toCharArray()) {
            buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String base32(byte[] data) {
        StringBuilder s = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return s.toString();
    }
}
