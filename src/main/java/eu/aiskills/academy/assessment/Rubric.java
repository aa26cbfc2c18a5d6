package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.aiskills.academy.shared.UserFacingException;

/**
 * How an assignment is graded: criteria, each with levels worth points (as Moodle's rubrics and
 * Canvas's). A grader picks one level per criterion; the score is the points of the levels picked
 * out of the most each criterion can give, as a share of 100.
 */
public record Rubric(List<Criterion> criteria) {

    public static final int CRITERIA_MAX = 20;
    public static final int LEVELS_MAX = 8;
    public static final int POINTS_MAX = 100;

    public Rubric {
        criteria = List.copyOf(criteria);
    }

    /** A criterion: what is judged, and the levels a grader chooses between (best last or first, as written). */
    public record Criterion(String key, String title, String description, List<Level> levels) {
        public Criterion {
            levels = List.copyOf(levels);
        }

        public int maxPoints() {
            return levels.stream().mapToInt(Level::points).max().orElse(0);
        }

        public Optional<Level> level(String levelKey) {
            return levels.stream().filter(l -> l.key().equals(levelKey)).findFirst();
        }
    }

    /** One level of a criterion: its name, what work at that level looks like, and its points. */
    public record Level(String key, String title, String description, int points) {
    }

    /** The most points the rubric gives (each criterion's best level). */
    public int maxPoints() {
        return criteria.stream().mapToInt(Criterion::maxPoints).sum();
    }

    /**
     * The points of the levels chosen, criterion key to level key: refused, naming the criterion,
     * when a criterion has no level chosen or an unknown one.
     */
    public int points(Map<String, String> chosen) {
        int points = 0;
        for (Criterion criterion : criteria) {
            String levelKey = chosen.get(criterion.key());
            Level level = levelKey == null ? null : criterion.level(levelKey).orElse(null);
            if (level == null) {
                throw UserFacingException.onField(criterion.key(), "assignment.grade.level-missing", criterion.title());
            }
            points += level.points();
        }
        if (chosen.keySet().stream().anyMatch(key -> criteria.stream().noneMatch(c -> c.key().equals(key)))) {
            throw new UserFacingException("assignment.grade.unknown-criterion");
        }
        return points;
    }

    /** The score out of 100 of the levels chosen (two decimals, half up). */
    public BigDecimal score(Map<String, String> chosen) {
        int points = points(chosen);
        return BigDecimal.valueOf(points).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(maxPoints()), 2, RoundingMode.HALF_UP);
    }

    /** What is wrong with the rubric as written (empty: nothing), for the content import and the editor. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (criteria.isEmpty() || criteria.size() > CRITERIA_MAX) {
            problems.add("a rubric has 1 to " + CRITERIA_MAX + " criteria");
        }
        Set<String> keys = new HashSet<>();
        for (Criterion criterion : criteria) {
            String name = "criterion '" + criterion.key() + "'";
            if (criterion.key() == null || !criterion.key().matches("[a-z0-9-]{1,40}") || !keys.add(criterion.key())) {
                problems.add(name + " needs a unique key of lower-case letters, digits and hyphens");
            }
            if (criterion.title() == null || criterion.title().isBlank() || criterion.title().length() > 200) {
                problems.add(name + " needs a title of at most 200 characters");
            }
            if (criterion.levels().size() < 2 || criterion.levels().size() > LEVELS_MAX) {
                problems.add(name + " has 2 to " + LEVELS_MAX + " levels");
            }
            Set<String> levelKeys = new HashSet<>();
            for (Level level : criterion.levels()) {
                if (level.key() == null || !level.key().matches("[a-z0-9-]{1,40}") || !levelKeys.add(level.key())) {
                    problems.add(name + ": each level needs a unique key");
                }
                if (level.title() == null || level.title().isBlank() || level.title().length() > 200) {
                    problems.add(name + ": level '" + level.key() + "' needs a title of at most 200 characters");
                }
                if (level.points() < 0 || level.points() > POINTS_MAX) {
                    problems.add(name + ": level '" + level.key() + "' has 0 to " + POINTS_MAX + " points");
                }
            }
            if (criterion.maxPoints() == 0 && !criterion.levels().isEmpty()) {
                problems.add(name + ": its best level must be worth points");
            }
        }
        return problems;
    }
}
