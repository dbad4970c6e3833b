package org.countersign.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP {@code slapd} (Debian package slapd, installed by .ci/run) of the test's own:
 * its own configuration, database and port under {@code target/}, loaded with {@code slapadd}
 * before it starts. Users are {@code user00000 .. userNNNNN} under {@code ou=people,dc=example,dc=org}
 * with passwords {@code pass00000 ..}; the service account is {@code cn=admin,dc=example,dc=org} / {@code adminpw}.
 */
final class Slapd implements AutoCloseable {

    static final String BASE_DN = "dc=example,dc=org";
    static final String ADMIN_DN = "cn=admin,dc=example,dc=org";
    static final String ADMIN_PASSWORD = "adminpw";

    private final Path dir;
    private final int port;
    private Process process;

    /** @return CPU time slapd has used so far, in nanoseconds (0 when the system does not tell) */
    long cpuNanos() {
        return process == null ? 0 : process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** @return slapd's process id */
    long pid() {
        return process.pid();
    }

    private Slapd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Writes the configuration, loads {@code users} users and starts slapd on a free port. */
    static Slapd start(Path dir, int users) throws IOException, InterruptedException {
        return start(dir, users, "");
    }

    /** As {@link #start(Path, int)}, with more entries after the numbered users ({@code extraLdif}: LDIF records, each ending in a blank line). */
    static Slapd start(Path dir, int users, String extraLdif) throws IOException, InterruptedException {
        for (String tool : List.of("/usr/sbin/slapd", "/usr/sbin/slapadd")) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new IllegalStateException(tool + " not found: install the Debian package slapd (.ci/run does)");
            }
        }
        Files.createDirectories(dir.resolve("db"));
        Slapd slapd = new Slapd(dir, freePort());
        Files.writeString(dir.resolve("slapd.conf"), String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir.resolve("slapd.pid"),
                // Debian's own setting. Without it slapd logs every operation ("stats") to syslog, and where nothing
                // listens on /dev/log (CI, containers) each line costs getpid, socket, a failed connect and close: over
                // half of slapd's system calls under the RADIUS benchmark, on the cores the server shares with it.
                "loglevel none",
                "database mdb",
                "maxsize 1073741824",
                "suffix \"" + BASE_DN + "\"",
                "rootdn \"" + ADMIN_DN + "\"",
                "rootpw " + ADMIN_PASSWORD,
                "directory " + dir.resolve("db"),
                "index objectClass eq",
                "index uid eq",
                "access to attrs=userPassword by self write by anonymous auth by * none",
                "access to * by dn.exact=\"" + ADMIN_DN + "\" write by * read", ""), StandardCharsets.US_ASCII);
        StringBuilder ldif = new StringBuilder("dn: " + BASE_DN + "\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example\n\n"
                + "dn: ou=people," + BASE_DN + "\nobjectClass: organizationalUnit\nou: people\n\n");
        for (int i = 0; i < users; i++) {
            String n = String.format("%05d", i);
            ldif.append("dn: uid=user").append(n).append(",ou=people,").append(BASE_DN).append('\n')
                    .append("objectClass: inetOrgPerson\nuid: user").append(n).append("\ncn: User ").append(i).append("\nsn: ").append(i)
                    .append("\nmail: user").append(n).append("@example.org\nmobile: +4470000").append(n)
                    .append("\nuserPassword: pass").append(n).append("\n\n");
        }
        ldif.append(extraLdif);
        Files.writeString(dir.resolve("users.ldif"), ldif, StandardCharsets.US_ASCII);
        run("/usr/sbin/slapadd", "-q", "-f", dir.resolve("slapd.conf").toString(), "-l", dir.resolve("users.ldif").toString());
        slapd.process = new ProcessBuilder("/usr/sbin/slapd", "-f", dir.resolve("slapd.conf").toString(),
                "-h", "ldap://127.0.0.1:" + slapd.port + "/", "-d", "0").redirectErrorStream(true)
                .redirectOutput(dir.resolve("slapd.log").toFile()).start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", slapd.port)) {
                return slapd;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        slapd.close();
        throw new IllegalStateException("slapd did not start; see " + dir.resolve("slapd.log"));
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
