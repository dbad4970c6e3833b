package org.countersign.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs FreeRADIUS's {@code radclient} against the server under test. */
final class Radclient {

    /**
     * What radclient printed and how it ended.
     *
     * @param exitCode the process's exit code
     * @param output stdout and stderr together
     */
    record Result(int exitCode, String output) {
        boolean received(String packetType) {
            return output.contains("Received " + packetType);
        }

        /** @return the value of an attribute in the received packet, such as the State of an Access-Challenge */
        String attribute(String name) {
            int received = output.indexOf("Received ");
            for (String line : output.substring(Math.max(received, 0)).split("\n")) {
                String t = line.strip();
                if (t.startsWith(name + " = ")) {
                    return t.substring(name.length() + 3);
                }
            }
            return null;
        }
    }

    /** Sends of one request by default, and the wait for an answer before the next. */
    private static final int TRIES = 2;
    private static final int TIMEOUT_SECONDS = 4;

    private Radclient() {
    }

    static String executable() {
        for (String candidate : List.of("/usr/bin/radclient", "/usr/local/bin/radclient")) {
            if (new java.io.File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("radclient not found: install the Debian package freeradius-utils (.ci/run does)");
    }

    /**
     * Sends one request of the given type ({@code auth}, {@code status}) with the attributes given as radclient input lines,
     * resent once after 4 s without an answer, as a NAS would: on a loaded machine the first request after a deployment
     * can take longer than radclient's default wait, and a retransmission is answered from the duplicate cache.
     */
    static Result send(String type, String attributes, String secret) {
        return send(type, attributes, secret, TRIES, TIMEOUT_SECONDS);
    }

    /**
     * As {@link #send(String, String, String)}, with radclient's own retransmission: {@code tries} sends of the same
     * packet (same Identifier and Request Authenticator), {@code timeoutSeconds} apart, until one is answered.
     */
    static Result send(String type, String attributes, String secret, int tries, int timeoutSeconds) {
        return run(type.equals("acct") ? accountingPort() : authenticationPort(), type, attributes, secret, tries, timeoutSeconds);
    }

    /** Sends a Status-Server to the given port (radclient's type {@code status} goes to the authentication port otherwise). */
    static Result sendStatus(int port, String attributes, String secret) {
        return run(port, "status", attributes, secret, TRIES, TIMEOUT_SECONDS);
    }

    // outside the server the test properties name the ports; inside it, the server's own settings do
    static int authenticationPort() {
        return Integer.getInteger("it.radius-port", Integer.getInteger("countersign.radius.auth-port", 0));
    }

    static int accountingPort() {
        return Integer.getInteger("it.radius-acct-port", Integer.getInteger("countersign.radius.acct-port", 0));
    }

    private static Result run(int port, String type, String attributes, String secret, int tries, int timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(executable(), "-x", "-r", String.valueOf(tries), "-t", String.valueOf(timeoutSeconds),
                "127.0.0.1:" + port, type, secret));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(attributes.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("radclient did not finish in 20 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run radclient", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while radclient ran", e);
        }
    }

    /** Sends requests until one is answered (the client table loads a moment after deployment), at most for the given seconds. */
    static Result sendUntilAnswered(String type, String attributes, String secret, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Result last;
        do {
            last = send(type, attributes, secret);
            if (last.output().contains("Received ")) {
                return last;
            }
        } while (System.nanoTime() < deadline);
        return last;
    }
}
