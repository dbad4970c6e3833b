package org.countersign.otp.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.countersign.otp.Match;
import org.countersign.otp.OtpMatcher;
import org.countersign.otp.OtpParameters;
import org.countersign.otp.Passcode;
import org.countersign.otp.Totp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * TOTP verifications per second on one thread: one verification is the window search of
 * {@link OtpMatcher#totp} over steps t-1, t, t+1 (three HMAC-SHA1 computations, no early exit),
 * SHA1, 6 digits, a code of the current step. Not a test: run it by hand with
 * <pre>
 * ./mvnw -q -pl ejb test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath org.countersign.otp.bench.TotpVerifyBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TotpVerifyBenchmark {

    private final byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final OtpParameters parameters = OtpParameters.defaults();
    private final long step = Totp.step(Instant.parse("2026-11-23T10:00:00Z"), parameters);
    private final Passcode code = Passcode.parse(Totp.generateAtStep(seed, step, parameters));

    @Benchmark
    public Match verifyCurrentStepWithinWindowOfOne() {
        return OtpMatcher.totp(seed, parameters, code, step, 1, step - 5);
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(TotpVerifyBenchmark.class.getSimpleName())
                .forks(1).threads(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2)).build();
        new Runner(options).run().forEach(r -> System.out.printf("TOTP verifications per second on one thread: %.0f (+/- %.0f)%n",
                r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
    }
}
