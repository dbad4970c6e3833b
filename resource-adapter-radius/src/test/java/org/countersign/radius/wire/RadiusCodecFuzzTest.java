package org.countersign.radius.wire;

import static org.countersign.radius.wire.TestBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: 20,000 deterministic mutations of valid packets. Each one decodes or throws
 * MalformedPacketException, and the checks that run on decoded packets never throw.
 */
class RadiusCodecFuzzTest {

    private static final int MUTATIONS = 20_000;
    private static final byte[] SECRET = ascii("s3cret");
    private static final RadiusDictionary DICTIONARY = RadiusDictionary.standard();

    private static List<byte[]> seeds() {
        byte[] authenticator = new byte[16];
        new Random(1).nextBytes(authenticator);
        byte[] accessRequest = RadiusCodec.encodeRequest(PacketCode.ACCESS_REQUEST, 1, authenticator, List.of(
                DICTIONARY.attribute("User-Name", "fuzz"),
                new RadiusAttribute(AttributeType.USER_PASSWORD, UserPassword.encrypt(ascii("pw"), authenticator, SECRET)),
                DICTIONARY.attribute("NAS-IP-Address", "10.0.0.1"),
                DICTIONARY.attribute("State", "0x0102030405"),
                DICTIONARY.attribute("Proxy-State", "0xff")), SECRET, true);
        byte[] reply = RadiusCodec.encodeReply(PacketCode.ACCESS_CHALLENGE, 2, authenticator, List.of(
                DICTIONARY.attribute("Reply-Message", "Enter code"),
                DICTIONARY.attribute("State", "0x" + "ab".repeat(16))), SECRET);
        byte[] accounting = RadiusCodec.encodeRequest(PacketCode.ACCOUNTING_REQUEST, 3, null, List.of(
                DICTIONARY.attribute("Acct-Status-Type", "Start"),
                DICTIONARY.attribute("Event-Timestamp", "1700000000")), SECRET, false);
        return List.of(accessRequest, reply, accounting, TestBytes.resource("radclient-access-request.hex"));
    }

    @Test
    void everyMutationDecodesOrIsMalformedAndChecksNeverThrow() {
        List<byte[]> seeds = seeds();
        Random random = new Random(0x2865_3579L);
        int decoded = 0;
        int malformed = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] datagram = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                RadiusPacket packet = RadiusCodec.decode(datagram, 0, datagram.length);
                decoded++;
                assertNotNull(RequestVerifier.messageAuthenticator(datagram, 0, datagram.length, packet, SECRET));
                RequestVerifier.accountingRequestAuthenticator(datagram, 0, datagram.length, SECRET);
                RequestVerifier.replyAuthenticator(datagram, packet.authenticator(), SECRET);
                packet.attributes().forEach(DICTIONARY::render);
            } catch (MalformedPacketException e) {
                malformed++;
                assertNotNull(e.reason());
            } catch (Throwable t) {
                fail("mutation " + i + " escaped with " + t + " on " + HexFormat.of().formatHex(datagram), t);
            }
        }
        assertTrue(decoded > 1_000 && malformed > 1_000, "both paths exercised: " + decoded + " / " + malformed);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] packet = seed.clone();
        int rounds = 1 + random.nextInt(3);
        for (int round = 0; round < rounds; round++) {
            switch (random.nextInt(6)) {
                case 0 -> { // bit flip
                    if (packet.length == 0) {
                        break;
                    }
                    int bit = random.nextInt(packet.length * 8);
                    packet[bit / 8] ^= (byte) (1 << (bit % 8));
                }
                case 1 -> packet = Arrays.copyOf(packet, random.nextInt(packet.length + 1)); // truncation
                case 2 -> { // Length field
                    if (packet.length >= 4) {
                        int length = random.nextBoolean() ? random.nextInt(0x10000) : packet.length + random.nextInt(9) - 4;
                        packet[2] = (byte) (length >>> 8);
                        packet[3] = (byte) length;
                    }
                }
                case 3 -> { // an attribute's Length octet (any octet past the header)
                    if (packet.length > 21) {
                        packet[20 + random.nextInt(packet.length - 21) + 1] = (byte) random.nextInt(256);
                    }
                }
                case 4 -> { // random bytes in place
                    if (packet.length > 0) {
                        int from = random.nextInt(packet.length);
                        for (int i = from; i < Math.min(packet.length, from + 1 + random.nextInt(8)); i++) {
                            packet[i] = (byte) random.nextInt(256);
                        }
                    }
                }
                default -> { // random bytes appended, sometimes covered by the Length field
                    int extra = random.nextInt(40);
                    int oldLength = packet.length;
                    packet = Arrays.copyOf(packet, oldLength + extra);
                    for (int i = oldLength; i < packet.length; i++) {
                        packet[i] = (byte) random.nextInt(256);
                    }
                    if (packet.length >= 4 && random.nextBoolean()) {
                        packet[2] = (byte) (packet.length >>> 8);
                        packet[3] = (byte) packet.length;
                    }
                }
            }
        }
        return packet;
    }
}
