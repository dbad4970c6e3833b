package org.countersign.radius.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final InetSocketAddress TO = new InetSocketAddress("127.0.0.1", 9);

    /** A socket that records what it sends instead of sending it; the first send waits until released. */
    private static class HeldSocket extends DatagramSocket {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        final List<String> senders = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch inFirstSend = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldSocket() throws SocketException {
            super((InetSocketAddress) null);
        }

        @Override
        public void send(DatagramPacket p) throws IOException {
            if (sent.isEmpty() && inFirstSend.getCount() == 1) {
                inFirstSend.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String text = new String(p.getData(), p.getOffset(), p.getLength());
            if (text.startsWith("refused")) {
                throw new IOException("refused by the test");
            }
            sent.add(text);
            senders.add(Thread.currentThread().getName());
        }
    }

    @Test
    void aSenderDoesNotWaitWhileAnotherThreadIsSendingAndItsDatagramIsSentByThatThread() throws Exception {
        try (HeldSocket socket = new HeldSocket()) {
            Outbox outbox = new Outbox(socket, (e, to) -> { });
            Thread first = new Thread(() -> outbox.send("first".getBytes(), TO), "first-sender");
            first.start();
            assertTrue(socket.inFirstSend.await(5, TimeUnit.SECONDS));

            Thread second = new Thread(() -> outbox.send("second".getBytes(), TO), "second-sender");
            second.start();
            second.join(5_000);
            assertEquals(Thread.State.TERMINATED, second.getState(), "the second sender returned while the first was still sending");
            assertEquals(List.of(), socket.sent);

            socket.release.countDown();
            first.join(5_000);
            assertEquals(List.of("first", "second"), socket.sent);
            assertEquals(List.of("first-sender", "first-sender"), socket.senders);
        }
    }

    @Test
    void aRefusedDatagramIsReportedAndTheOthersStillGoOut() throws Exception {
        try (HeldSocket socket = new HeldSocket()) {
            socket.inFirstSend.countDown(); // nothing held
            List<InetSocketAddress> failed = new ArrayList<>();
            Outbox outbox = new Outbox(socket, (e, to) -> failed.add(to));
            outbox.send("one".getBytes(), TO);
            outbox.send("refused".getBytes(), new InetSocketAddress("127.0.0.1", 10));
            outbox.send("three".getBytes(), TO);
            assertEquals(List.of("one", "three"), socket.sent);
            assertEquals(List.of(new InetSocketAddress("127.0.0.1", 10)), failed);
        }
    }

    @Test
    void everyDatagramOfManyConcurrentSendersIsSentExactlyOnce() throws Exception {
        int threads = 16;
        int each = 2_000;
        try (HeldSocket socket = new HeldSocket() {
            @Override
            public void send(DatagramPacket p) throws IOException {
                super.send(p);
                Thread.yield(); // a send takes a while: let the others queue meanwhile
            }
        }) {
            socket.inFirstSend.countDown(); // nothing held
            Outbox outbox = new Outbox(socket, (e, to) -> { });
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread s = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        outbox.send((id + ":" + i).getBytes(), TO);
                    }
                }, "sender-" + t);
                senders.add(s);
                s.start();
            }
            for (Thread s : senders) {
                s.join(30_000);
            }
            assertEquals(threads * each, socket.sent.size());
            assertEquals(threads * each, new HashSet<>(socket.sent).size());
        }
    }
}
