package eu.aiskills.academy.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A run as the authoring form describes it: enrolment opens and closes at local times in {@code timeZone}. */
public record RunPlan(String code, LocalDate startsOn, LocalDate endsOn, LocalDateTime enrolOpens, LocalDateTime enrolCloses,
                      ZoneId timeZone, int capacity, boolean waitlist, String language, DeliveryMode mode, String location,
                      BigDecimal labGpuHours) {

    public static final int CODE_MAX_LENGTH = 40;
    public static final int LOCATION_MAX_LENGTH = 200;
    public static final int CAPACITY_MAX = 100_000;
    public static final BigDecimal LAB_HOURS_MAX = new BigDecimal("10000");
}
