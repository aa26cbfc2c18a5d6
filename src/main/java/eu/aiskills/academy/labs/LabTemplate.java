package eu.aiskills.academy.labs;

import java.util.List;
import java.util.UUID;

/**
 * A lab: a notebook every learner starts from, attached to a lesson, with what it needs to run.
 *
 * @param gpus       GPUs a session needs; 0 runs in the local sandbox
 * @param minutes    how long a session runs before it must be extended
 * @param checkCount how many graded checks it has (0: not graded)
 */
public record LabTemplate(UUID id, String slug, String title, String courseSlug, String lessonSlug, String kernel,
                          List<String> packages, int gpus, int memoryMb, int minutes, int idleMinutes, int checkCount) {

    public LabTemplate {
        packages = List.copyOf(packages);
    }

    public boolean graded() {
        return checkCount > 0;
    }
}
