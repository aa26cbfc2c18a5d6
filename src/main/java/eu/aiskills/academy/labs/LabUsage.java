package eu.aiskills.academy.labs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a course's class uses its labs: per lab, and per learner within each lab.
 *
 * @param sessionsPerDay sessions started on each of the last 14 days, oldest first
 */
public record LabUsage(String courseSlug, String courseTitle, List<Lab> labs, List<Integer> sessionsPerDay) {

    public LabUsage {
        labs = List.copyOf(labs);
        sessionsPerDay = List.copyOf(sessionsPerDay);
    }

    /** One lab's use. */
    public record Lab(String slug, String title, int sessions, int learners, Duration time, BigDecimal gpuHours, int running,
                      BigDecimal averageBestScore, List<Learner> byLearner) {

        public Lab {
            byLearner = List.copyOf(byLearner);
        }
    }

    /** One learner's use of a lab: sessions, time, best score (null when never submitted), last seen. */
    public record Learner(String name, int sessions, Duration time, BigDecimal bestScore, Instant lastActive) {
    }
}
