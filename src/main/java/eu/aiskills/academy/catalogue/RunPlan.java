package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A run as the authoring form describes it: enrolment opens and closes at local times in {@code timeZone}. */
public record RunPlan(String code, LocalDate startsOn, LocalDate endsOn, LocalDateTime enrolOpens, LocalDateTime enrolCloses,
                      ZoneId timeZone, int capacity, boolean waitlist, String language, DeliveryMode mode, String location,
                      BigDecimal labGpuHours) {
}
