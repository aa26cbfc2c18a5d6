package eu.aiskills.academy.compute;

import java.math.BigDecimal;

/** How GPU-hours may be requested: a size and duration limit, and whether an operator reviews the request. */
public record AccessMode(String code, String name, String description, BigDecimal maxGpuHours, int maxDays,
                         boolean reviewNeeded) {
}
