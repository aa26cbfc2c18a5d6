package eu.aiskills.academy.catalogue.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.RunPlan;
import eu.aiskills.academy.shared.MessageRef;

/**
 * What makes a run valid, for the content import and the authoring form alike: each problem
 * names the field it belongs to and a message a person can act on.
 */
public final class RunRules {

    public static final int CODE_MAX_LENGTH = RunPlan.CODE_MAX_LENGTH;
    public static final int LOCATION_MAX_LENGTH = RunPlan.LOCATION_MAX_LENGTH;
    public static final int CAPACITY_MAX = RunPlan.CAPACITY_MAX;
    public static final BigDecimal LAB_HOURS_MAX = RunPlan.LAB_HOURS_MAX;
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    /** A problem with one field of a run. */
    public record Problem(String field, MessageRef message) {
    }

    private RunRules() {
    }

    public static List<Problem> check(CourseRunEntity.Draft run) {
        List<Problem> problems = new ArrayList<>();
        if (run.code() == null || run.code().isBlank() || run.code().length() > CODE_MAX_LENGTH
                || !CODE.matcher(run.code()).matches()) {
            problems.add(new Problem("code", MessageRef.of("run.invalid.code", CODE_MAX_LENGTH)));
        }
        if (run.startsOn() == null || run.endsOn() == null) {
            problems.add(new Problem("startsOn", MessageRef.of("run.invalid.dates-missing")));
        } else if (run.endsOn().isBefore(run.startsOn())) {
            problems.add(new Problem("endsOn", MessageRef.of("run.invalid.ends-before-start")));
        }
        if (run.enrolOpensAt() == null || run.enrolClosesAt() == null) {
            problems.add(new Problem("enrolOpensAt", MessageRef.of("run.invalid.window-missing")));
        } else if (!run.enrolClosesAt().isAfter(run.enrolOpensAt())) {
            problems.add(new Problem("enrolClosesAt", MessageRef.of("run.invalid.window-order")));
        } else if (run.endsOn() != null && run.timeZone() != null
                && run.enrolOpensAt().isAfter(run.endsOn().atStartOfDay(run.timeZone()).toInstant())) {
            problems.add(new Problem("enrolOpensAt", MessageRef.of("run.invalid.window-after-end")));
        }
        if (run.timeZone() == null) {
            problems.add(new Problem("timeZone", MessageRef.of("run.invalid.time-zone")));
        }
        if (run.capacity() <= 0 || run.capacity() > CAPACITY_MAX) {
            problems.add(new Problem("capacity", MessageRef.of("run.invalid.capacity", CAPACITY_MAX)));
        }
        if (run.language() == null || !LANGUAGE.matcher(run.language()).matches()) {
            problems.add(new Problem("language", MessageRef.of("run.invalid.language")));
        }
        if (run.mode() == null) {
            problems.add(new Problem("mode", MessageRef.of("run.invalid.mode")));
        } else if (run.mode() != eu.aiskills.academy.catalogue.DeliveryMode.ONLINE
                && (run.location() == null || run.location().isBlank())) {
            problems.add(new Problem("location", MessageRef.of("run.invalid.location-needed")));
        }
        if (run.location() != null && run.location().length() > LOCATION_MAX_LENGTH) {
            problems.add(new Problem("location", MessageRef.of("run.invalid.location-length", LOCATION_MAX_LENGTH)));
        }
        if (run.labGpuHours() != null && (run.labGpuHours().signum() < 0 || run.labGpuHours().compareTo(LAB_HOURS_MAX) > 0
                || run.labGpuHours().scale() > 2)) {
            problems.add(new Problem("labGpuHours", MessageRef.of("run.invalid.lab-hours", LAB_HOURS_MAX)));
        }
        return problems;
    }
}
