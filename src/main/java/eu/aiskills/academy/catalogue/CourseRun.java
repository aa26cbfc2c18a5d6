package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One delivery of a course: its dates (in the run's time zone), the enrolment window, seats and
 * the GPU-hours each learner may use in its labs ({@code null}: the run has no lab quota).
 */
public record CourseRun(
        RunId id,
        CourseId courseId,
        String courseSlug,
        String courseTitle,
        String code,
        LocalDate startsOn,
        LocalDate endsOn,
        Instant enrolOpensAt,
        Instant enrolClosesAt,
        ZoneId timeZone,
        int capacity,
        boolean waitlist,
        String language,
        DeliveryMode mode,
        String location,
        BigDecimal labGpuHoursPerLearner,
        RunStatus status) {

    /** Whether enrolment is possible at {@code now}: scheduled and inside the window. */
    public boolean enrolmentOpen(Instant now) {
        return status == RunStatus.SCHEDULED && !now.isBefore(enrolOpensAt) && now.isBefore(enrolClosesAt);
    }

    public Optional<String> locationIfAny() {
        return Optional.ofNullable(location);
    }
}
