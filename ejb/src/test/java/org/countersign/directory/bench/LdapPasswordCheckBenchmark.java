package org.countersign.directory.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.countersign.api.directory.PasswordVerdict;
import org.countersign.directory.ldap.LdapDirectory;

/**
 * Password checks per second through {@link LdapDirectory} (search as the service account, then bind as
 * the user on a pooled connection) against a running slapd, with latency and this process's CPU a check. Not a test:
 * {@code bench/ldap/run.sh} starts slapd with 10,000 users and runs this next to an {@code ldapwhoami} loop.
 * Arguments: port, checks, threads.
 */
public final class LdapPasswordCheckBenchmark {

    private LdapPasswordCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int checks = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        LdapDirectory.Config config = new LdapDirectory.Config("bench", List.of("127.0.0.1"), List.of(port), "NONE", null, 3000, 5000,
                "dc=example,dc=org", "cn=admin,dc=example,dc=org", "adminpw", "uid", "(objectClass=inetOrgPerson)", "mobile", "mail", null);
        try (LdapDirectory directory = new LdapDirectory(config)) {
            // the JIT warmed by as many checks as are measured, up to 20,000
            for (int i = 0; i < Math.min(checks, 20_000); i++) {
                check(directory, i);
            }
            long[] latencies = new long[checks];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < checks; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        if (!check(directory, i)) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - begin;
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (os.getProcessCpuTime() - cpu) / 1e3 / checks;
            Arrays.sort(latencies);
            System.out.printf("Countersign LdapDirectory: %d password checks (search + bind), %d thread(s): %.0f checks/s, p50 %.2f ms, p99 %.2f ms,"
                            + " this process's CPU %.0f us a check, failures %d%n",
                    checks, threads, checks / seconds, latencies[checks / 2] / 1e6, latencies[(int) (checks * 0.99)] / 1e6, cpuMicros, failures.get());
        }
    }

    private static boolean check(LdapDirectory directory, int i) {
        String n = String.format("%05d", i % 10_000);
        return directory.verifyPassword("user" + n, ("pass" + n).toCharArray()) instanceof PasswordVerdict.Valid;
    }
}
