package eu.aiskills.academy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes one benchmark's section of {@code docs/benchmarks.md}, replacing the section of an
 * earlier run and keeping the others. Each section says when, where and with which command its
 * figures were measured.
 */
public final class BenchmarkReport {

    public static final String COMMAND = "./mvnw -Pbench test";
    private static final Path FILE = Path.of("docs", "benchmarks.md");
    private static final String HEADER = """
            # Benchmarks

            Measured by the tests tagged `bench`, which run only in the `bench` profile and rewrite their
            own section of this file:

            ```
            %s                          # all of them (JAVA_HOME: a JDK 21+)
            %s -Dtest=SearchBenchmark   # one of them
            ```

            Figures are from the machine named in each section; compare runs on the same machine only.
            """.formatted(COMMAND, COMMAND);

    private BenchmarkReport() {
    }

    /** Replaces (or adds) the section {@code id} with {@code title} and {@code body}. */
    public static synchronized void write(String id, String title, String body) {
        String begin = "<!-- bench:" + id + " -->";
        String end = "<!-- /bench:" + id + " -->";
        String section = begin + "\n## " + title + "\n\n" + environment() + "\n\n" + body.strip() + "\n" + end;
        try {
            String text = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : HEADER;
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from >= 0 && to > from) {
                text = text.substring(0, from) + section + text.substring(to + end.length());
            } else {
                text = text.stripTrailing() + "\n\n" + section + "\n";
            }
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String environment() {
        Runtime runtime = Runtime.getRuntime();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "Run %s with `%s` on %d cores, %.0f GiB memory, Java %s (%s), max heap %d MiB, assertions %s.",
                LocalDate.now(), COMMAND + " -Dtest=" + caller(), runtime.availableProcessors(),
                memory / (1024.0 * 1024 * 1024), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                runtime.maxMemory() / (1024 * 1024), BenchmarkReport.class.desiredAssertionStatus() ? "on" : "off");
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("Benchmark"))
                .findFirst()
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .orElse("?"));
    }

    /** Percentiles of latencies in nanoseconds, in milliseconds. */
    public record Latencies(int count, double p50, double p95, double p99, double max) {

        public static Latencies of(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return new Latencies(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                    ms(sorted[sorted.length - 1]));
        }

        private static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
