package eu.aiskills.academy.labs;

/**
 * A lab as an instructor publishes it: the notebook (cells tagged {@code hidden-test} become the
 * graded checks) and what a session needs.
 */
public record LabDraft(String courseSlug, String lessonSlug, String title, byte[] notebook, int gpus, int memoryMb, int minutes,
                       int idleMinutes) {

    public static final int TITLE_MAX = 200;
    public static final int NOTEBOOK_MAX_BYTES = 8 * 1024 * 1024;
}
