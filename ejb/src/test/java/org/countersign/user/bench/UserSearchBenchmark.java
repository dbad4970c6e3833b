package org.countersign.user.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.countersign.api.user.TokenFilter;
import org.countersign.api.user.UserPage;
import org.countersign.api.user.UserQuery;
import org.countersign.api.user.UserSort;
import org.countersign.user.UserIndexFixture;
import org.countersign.user.UserSearch;

/**
 * p50/p95/p99 of a user search over 100,000 users in an H2 file database (the embedded default's
 * engine, MODE=LEGACY), through the SQL the user service runs. Users are bulk-inserted once into
 * {@code target/bench/users} and reused on later runs. Not a test: prints its figures.
 */
public final class UserSearchBenchmark {

    private static final int USERS = 100_000;

    private UserSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int searches = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        // H2 settings added to the URL: the server's cache size (configure-countersign.cli) unless given otherwise,
        // e.g. -Dbench.h2-settings=";CACHE_SIZE=16384"
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("users") + ";MODE=LEGACY"
                + System.getProperty("bench.h2-settings", ";CACHE_SIZE=4096");
        EntityManagerFactory emf = UserIndexFixture.open(url);
        try {
            long present = count(emf);
            if (present < USERS) {
                long t0 = System.nanoTime();
                UserIndexFixture.insert(url, (int) present, USERS);
                System.out.printf("inserted %,d users in %.1f s%n", USERS - present, (System.nanoTime() - t0) / 1e9);
            }
            List<UserQuery> kinds = queries(new Random(7));
            for (int i = 0; i < 50; i++) {
                run(emf, kinds.get(i % kinds.size()));
            }
            long[] all = new long[searches];
            long[] cpu = new long[searches];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<List<Long>> byKind = new ArrayList<>();
            for (int k = 0; k < KINDS.length; k++) {
                byKind.add(new ArrayList<>());
            }
            Random random = new Random(11);
            for (int i = 0; i < searches; i++) {
                int kind = i % KINDS.length;
                UserQuery q = query(kind, random);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                run(emf, q);
                long micros = (System.nanoTime() - t0) / 1000;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1000;
                all[i] = micros;
                byKind.get(kind).add(micros);
            }
            System.out.printf("user search over %,d users, %d searches: %s%n", count(emf), searches, percentiles(all));
            // CPU time of the searching thread (H2 runs in it): what the search costs, whatever else the machine is doing
            System.out.printf("  %-22s %s%n", "CPU time of the search", percentiles(cpu));
            System.out.printf("  load average %.2f on %d cores%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            for (int k = 0; k < KINDS.length; k++) {
                System.out.printf("  %-22s %s%n", KINDS[k], percentiles(byKind.get(k).stream().mapToLong(Long::longValue).toArray()));
            }
            System.out.println("reproduce: bench/users/run.sh " + searches);
        } finally {
            emf.close();
        }
    }

    private static final String[] KINDS = {"login prefix", "part of display name", "e-mail", "mobile digits", "empty, first page",
        "deep page (offset 50k)", "locked tokens filter", "two words"};

    private static List<UserQuery> queries(Random random) {
        List<UserQuery> list = new ArrayList<>();
        for (int k = 0; k < KINDS.length; k++) {
            list.add(query(k, random));
        }
        return list;
    }

    private static UserQuery query(int kind, Random random) {
        int n = random.nextInt(USERS);
        String login = loginOf(n);
        return switch (kind) {
            case 0 -> UserQuery.text(login.substring(0, Math.min(login.length(), 4 + random.nextInt(3))), 25);
            case 1 -> UserQuery.text(LAST_PARTS[random.nextInt(LAST_PARTS.length)], 25);
            case 2 -> UserQuery.text(login + "@example", 25);
            case 3 -> UserQuery.text(String.format("%04d", random.nextInt(10_000)), 25);
            case 4 -> UserQuery.text("", 25);
            case 5 -> new UserQuery("", null, null, TokenFilter.ANY, 50_000 + random.nextInt(1000), 25, UserSort.LOGIN, false);
            case 6 -> new UserQuery("", null, null, TokenFilter.LOCKED, 0, 25, UserSort.LOGIN, false);
            default -> UserQuery.text(FIRSTS[random.nextInt(FIRSTS.length)] + " " + LAST_PARTS[random.nextInt(LAST_PARTS.length)], 25);
        };
    }

    private static final String[] LAST_PARTS = {"smi", "garc", "mull", "ross", "nowak", "tanak", "okaf", "patel", "nguy", "moreau"};
    private static final String[] FIRSTS = {"anna", "ben", "chloe", "priya", "sven", "zoe"};

    private static String loginOf(int n) {
        // same shape as the fixture's logins: initial, last name, number
        return Arrays.asList("asmith", "bjones", "cgarcia", "dmuller", "erossi").get(n % 5) + n;
    }

    private static UserPage run(EntityManagerFactory emf, UserQuery q) {
        EntityManager em = emf.createEntityManager();
        try {
            return new UserSearch(q).run(em);
        } finally {
            em.close();
        }
    }

    private static long count(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM CS_USER").getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }

    private static String percentiles(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1000.0);
    }

    private static double at(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }
}
