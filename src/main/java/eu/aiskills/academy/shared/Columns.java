package eu.aiskills.academy.shared;

/** Column sizes shared by the modules' mappings and their Flyway migrations. */
public final class Columns {

    /**
     * Length of long text (Markdown and the like) in a {@code MEDIUMTEXT} column. MySQL and
     * MariaDB report it as a long VARCHAR, H2's MySQL mode stores it as VARCHAR; mapped as a
     * plain String of this length (the longest Hibernate still treats as VARCHAR on H2) rather
     * than {@code @Lob}, Hibernate's schema validation accepts the one migration on all three.
     */
    public static final int LONG_TEXT = 1_048_576;

    private Columns() {
    }
}
