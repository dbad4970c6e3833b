package org.countersign.radius.ra;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The datagrams going out on one socket, sent for many threads without any of them waiting for another. The JDK sends
 * on a socket under a lock, and a send on loopback runs the receiver's side of the network stack and wakes the receiver
 * while holding it, so request workers answering at once queued up behind one another (a whole pile of them parked
 * there when the machine was busy). Here a datagram is queued, and whichever thread finds nobody sending sends
 * everything queued so far; the others go on at once. Whoever stops sending looks at the queue again afterwards, so a
 * datagram queued meanwhile is never left behind. Thread-safe.
 */
final class Outbox {

    private final DatagramSocket socket;
    private final BiConsumer<Exception, InetSocketAddress> failed;
    private final ConcurrentLinkedQueue<DatagramPacket> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    /**
     * @param socket where the datagrams go out
     * @param failed told of a datagram the socket refused (it is not sent again); called by the sending thread
     */
    Outbox(DatagramSocket socket, BiConsumer<Exception, InetSocketAddress> failed) {
        this.socket = socket;
        this.failed = failed;
    }

    /** Sends the datagram now, or has it sent by the thread sending at this moment; returns without waiting for it. */
    void send(byte[] datagram, InetSocketAddress to) {
        queue.add(new DatagramPacket(datagram, datagram.length, to));
        while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
            try {
                for (DatagramPacket next = queue.poll(); next != null; next = queue.poll()) {
                    try {
                        socket.send(next);
                    } catch (IOException | RuntimeException e) {
                        failed.accept(e, (InetSocketAddress) next.getSocketAddress());
                    }
                }
            } finally {
                sending.set(false);
            }
        }
    }
}
