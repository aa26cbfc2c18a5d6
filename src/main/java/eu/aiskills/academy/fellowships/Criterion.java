package eu.aiskills.academy.fellowships;

import java.math.BigDecimal;

/** An evaluation criterion (for example excellence, impact, implementation) with its weight. */
public record Criterion(String name, String description, BigDecimal weight) {

    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 500;
}
