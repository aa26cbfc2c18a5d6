package eu.aiskills.academy.labs.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.internal.kernel.Execution;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * One graded run of a notebook: its code cells from the top in a fresh sandbox, then the lab's
 * checks, all within {@link #LIMIT}. Submissions and the check at publication (would the
 * learners' copy pass as it comes?) both run here; two runs go at once, others wait their turn.
 */
@Component
public class GradingRun {

    /** How long one run may take, from the sandbox's start to the last check. */
    public static final Duration LIMIT = Duration.ofMinutes(5);

    private final LabRuntime runtime;
    private final Semaphore slots = new Semaphore(2, true);

    GradingRun(LabRuntime runtime) {
        this.runtime = runtime;
    }

    /** One check's outcome; {@code message} says why it failed (null when it passed). */
    public record CheckOutcome(String name, int points, boolean passed, String message) {
    }

    /**
     * The checks' outcomes, the notebook's cells that failed (as "number: error"), and the
     * environment the run had: the kernel's Python and the SHA-256 of its installed packages
     * (name and version of each, sorted), read before any of the notebook's code ran.
     */
    public record Outcome(List<CheckOutcome> checks, List<String> cellErrors, String environment, boolean timedOut) {

        /** The points of the passed checks out of all points (0 when the lab has none). */
        public int pointsPassed() {
            return checks.stream().filter(CheckOutcome::passed).mapToInt(CheckOutcome::points).sum();
        }

        public int pointsTotal() {
            return checks.stream().mapToInt(CheckOutcome::points).sum();
        }

        /** The points passed out of all points, as a score out of 100 with one decimal (0 for a lab without checks). */
        public BigDecimal score() {
            return pointsTotal() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(pointsPassed() * 100L).divide(BigDecimal.valueOf(pointsTotal()), 1, RoundingMode.HALF_UP);
        }
    }

    /** How far a run is: {@code done} of {@code total} steps (the notebook's code cells, then the checks). */
    public record Step(int done, int total) {
    }

    /** Runs the cells then the checks within {@link #LIMIT}. */
    public Outcome run(String kernel, int memoryMb, List<LabNotebook.Cell> cells, List<LabContentImport.Check> checks)
            throws InterruptedException {
        return run(kernel, memoryMb, cells, checks, LIMIT, step -> { });
    }

    /**
     * Runs the cells then the checks, all within {@code limit} from the sandbox's start, telling
     * {@code onStep} after each. Refused with {@code lab.grading-busy} when no slot frees within
     * two minutes; a sandbox that cannot start is an {@link IllegalStateException}. Past the limit
     * the running code is interrupted and what is left fails ({@link Outcome#timedOut()}).
     */
    public Outcome run(String kernel, int memoryMb, List<LabNotebook.Cell> cells, List<LabContentImport.Check> checks, Duration limit,
                       java.util.function.Consumer<Step> onStep) throws InterruptedException {
        if (!slots.tryAcquire(2, TimeUnit.MINUTES)) {
            throw new UserFacingException("lab.grading-busy");
        }
        UUID sandbox = UUID.randomUUID();
        try {
            Instant deadline = Instant.now().plus(limit);
            LabRuntime.Live live = runtime.launch(sandbox, kernel, memoryMb);
            String environment = environment(within(live, ENVIRONMENT_PROBE, deadline));
            int total = (int) cells.stream().filter(GradingRun::runs).count() + checks.size();
            int done = 0;
            onStep.accept(new Step(done, total));
            boolean timedOut = false;
            List<String> cellErrors = new ArrayList<>();
            int number = 0;
            for (LabNotebook.Cell cell : cells) {
                number++;
                if (!runs(cell)) {
                    continue;
                }
                Execution run = within(live, cell.source(), deadline);
                timedOut |= "timeout".equals(run.status());
                if (!run.ok()) {
                    cellErrors.add(number + ": " + failure(run));
                }
                onStep.accept(new Step(++done, total));
            }
            List<CheckOutcome> results = new ArrayList<>();
            for (LabContentImport.Check check : checks) {
                Execution run = within(live, check.code() == null ? "" : check.code(), deadline);
                timedOut |= "timeout".equals(run.status());
                results.add(new CheckOutcome(check.name(), check.points(), run.ok(), run.ok() ? null : failure(run)));
                onStep.accept(new Step(++done, total));
            }
            return new Outcome(List.copyOf(results), List.copyOf(cellErrors), environment, timedOut);
        } finally {
            runtime.stop(sandbox);
            slots.release();
        }
    }

    private static boolean runs(LabNotebook.Cell cell) {
        return cell.kind() == LabNotebook.Kind.CODE && !cell.source().isBlank();
    }

    /** Prints the Python version, then "name==version" of every installed distribution, sorted. */
    private static final String ENVIRONMENT_PROBE = """
            import sys as _s, importlib.metadata as _m
            print(_s.version.split()[0])
            print("\\n".join(sorted({(d.metadata["Name"] or "?").lower() + "==" + d.version for d in _m.distributions()})))
            del _s, _m
            """;

    /** "Python 3.11.2, 143 packages, sha256:…" from the probe's output; "unknown" when it failed. */
    static String environment(Execution probe) {
        String text = probe.outputs().stream().filter(KernelOutput.Stream.class::isInstance).map(KernelOutput.Stream.class::cast)
                .filter(stream -> "stdout".equals(stream.name())).map(KernelOutput.Stream::text).reduce("", String::concat).strip();
        if (!probe.ok() || text.isEmpty()) {
            return "unknown";
        }
        List<String> lines = text.lines().toList();
        return "Python " + lines.getFirst() + ", " + (lines.size() - 1) + " packages, sha256:"
                + ContentFiles.fingerprint(String.join("\n", lines.subList(1, lines.size())).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs code with what is left of the deadline; a run that takes longer is interrupted and fails. */
    private static Execution within(LabRuntime.Live live, String code, Instant deadline) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return new Execution("timeout", 0, List.of());
        }
        CompletableFuture<Execution> running = live.kernel().execute(code, output -> { });
        try {
            return running.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            live.kernel().interrupt();
            return new Execution("timeout", 0, List.of());
        } catch (ExecutionException e) {
            return new Execution("dead", 0, List.of());
        }
    }

    private static String failure(Execution run) {
        return run.outputs().stream().filter(KernelOutput.Error.class::isInstance).map(KernelOutput.Error.class::cast)
                .map(error -> error.name() + (error.value().isBlank() ? "" : ": " + error.value())).findFirst()
                .orElse("timeout".equals(run.status()) ? "time limit reached" : "dead".equals(run.status()) ? "the kernel stopped" : run.status());
    }
}
