package eu.aiskills.academy.catalogue.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import eu.aiskills.academy.catalogue.CourseChange;

/**
 * What a revision changes in a published course: every field that differs, lessons added,
 * removed or changed (matched by their address), texts as side-by-side line diffs with unchanged
 * stretches shortened. Which changes are structural (they change what the course certifies or
 * how it is completed) decides whether a revision may be minor.
 */
public final class CourseDiff {

    /** Unchanged lines kept around a change; longer unchanged stretches are shortened to one row. */
    private static final int CONTEXT = 2;
    private static final DiffRowGenerator ROWS = DiffRowGenerator.create().showInlineDiffs(false).lineNormalizer(line -> line).build();

    private final List<CourseChange> changes = new ArrayList<>();

    private CourseDiff() {
    }

    /**
     * The changes from {@code published} to {@code revision}; {@code materials} are each lesson's
     * attachment titles by lesson id, {@code skill} and {@code course} name skills and courses.
     */
    static List<CourseChange> between(CourseEntity published, CourseEntity revision, Map<java.util.UUID, List<String>> materials,
                                      Function<String, String> skill, Function<java.util.UUID, String> course) {
        CourseDiff diff = new CourseDiff();
        diff.value("title", null, published.title(), revision.title(), false);
        diff.value("summary", null, published.summary(), revision.summary(), false);
        diff.text("description", null, published.descriptionMarkdown(), revision.descriptionMarkdown(), false);
        diff.value("level", null, published.level().name(), revision.level().name(), true);
        diff.value("format", null, published.format().name(), revision.format().name(), true);
        diff.value("language", null, published.language(), revision.language(), true);
        diff.value("languages", null, String.join(", ", published.languages()), String.join(", ", revision.languages()), true);
        diff.value("workload", null, Integer.toString(published.workloadHours()), Integer.toString(revision.workloadHours()), true);
        diff.value("ects", null, plain(published.ects()), plain(revision.ects()), true);
        diff.text("outcomes", null, String.join("\n", published.outcomes()), String.join("\n", revision.outcomes()), true);
        diff.value("skills", null, names(published.skillUris(), skill), names(revision.skillUris(), skill), true);
        diff.value("sectors", null, names(published.sectors().stream().map(Enum::name).toList(), Function.identity()),
                names(revision.sectors().stream().map(Enum::name).toList(), Function.identity()), true);
        diff.value("prerequisite-courses", null, names(published.prerequisiteCourseIds(), course),
                names(revision.prerequisiteCourseIds(), course), true);
        diff.value("prerequisite-skills", null, names(published.prerequisiteSkillUris(), skill),
                names(revision.prerequisiteSkillUris(), skill), true);
        Map<String, LessonEntity> before = published.lessons().stream().collect(Collectors.toMap(LessonEntity::slug, l -> l));
        Map<String, LessonEntity> after = revision.lessons().stream().collect(Collectors.toMap(LessonEntity::slug, l -> l));
        for (LessonEntity lesson : published.lessons()) {
            if (!after.containsKey(lesson.slug())) {
                diff.changes.add(new CourseChange("lesson-removed", lesson.title(), lesson.title(), null, true, List.of()));
            }
        }
        List<String> keptBefore = published.lessons().stream().map(LessonEntity::slug).filter(after::containsKey).toList();
        List<String> keptAfter = revision.lessons().stream().map(LessonEntity::slug).filter(before::containsKey).toList();
        if (!keptBefore.equals(keptAfter)) {
            diff.value("lesson-order", null, titles(keptBefore, before), titles(keptAfter, after), true);
        }
        for (LessonEntity lesson : revision.lessons()) {
            LessonEntity old = before.get(lesson.slug());
            if (old == null) {
                diff.changes.add(new CourseChange("lesson-added", lesson.title(), null, lesson.title(), true, List.of()));
                continue;
            }
            String name = old.title();
            diff.value("lesson-title", name, old.title(), lesson.title(), false);
            diff.value("lesson-module", name, Objects.toString(old.module(), ""), Objects.toString(lesson.module(), ""), false);
            diff.value("lesson-minutes", name, Integer.toString(old.minutes()), Integer.toString(lesson.minutes()), false);
            diff.value("lesson-required", name, Boolean.toString(old.required()), Boolean.toString(lesson.required()), true);
            diff.value("lesson-completion", name, rule(old), rule(lesson), true);
            diff.value("lesson-weight", name, Integer.toString(old.weight()), Integer.toString(lesson.weight()), true);
            diff.text("lesson-body", name, old.bodyMarkdown(), lesson.bodyMarkdown(), false);
            diff.value("lesson-materials", name, String.join(", ", materials.getOrDefault(old.id(), List.of())),
                    String.join(", ", materials.getOrDefault(lesson.id(), List.of())), true);
        }
        return List.copyOf(diff.changes);
    }

    private void value(String field, String lesson, String before, String after, boolean structural) {
        if (!Objects.equals(before, after)) {
            changes.add(new CourseChange(field, lesson, before, after, structural, List.of()));
        }
    }

    private void text(String field, String lesson, String before, String after, boolean structural) {
        String was = before == null ? "" : before;
        String is = after == null ? "" : after;
        if (!was.equals(is)) {
            changes.add(new CourseChange(field, lesson, null, null, structural, lines(was, is)));
        }
    }

    /** The side-by-side rows of two texts, unchanged stretches beyond the context shortened to one row. */
    public static List<CourseChange.Line> lines(String before, String after) {
        List<DiffRow> rows = ROWS.generateDiffRows(Arrays.asList(before.split("\n", -1)), Arrays.asList(after.split("\n", -1)));
        boolean[] keep = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getTag() != DiffRow.Tag.EQUAL) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(rows.size() - 1, i + CONTEXT); j++) {
                    keep[j] = true;
                }
            }
        }
        List<CourseChange.Line> lines = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!keep[i]) {
                skipped++;
                continue;
            }
            if (skipped > 0) {
                lines.add(new CourseChange.Line(CourseChange.Line.Kind.SKIPPED, Integer.toString(skipped), null));
                skipped = 0;
            }
            DiffRow row = rows.get(i);
            CourseChange.Line.Kind kind = switch (row.getTag()) {
                case EQUAL -> CourseChange.Line.Kind.SAME;
                case CHANGE -> CourseChange.Line.Kind.CHANGED;
                case INSERT -> CourseChange.Line.Kind.ADDED;
                case DELETE -> CourseChange.Line.Kind.REMOVED;
            };
            lines.add(new CourseChange.Line(kind, row.getOldLine(), row.getNewLine()));
        }
        if (skipped > 0) {
            lines.add(new CourseChange.Line(CourseChange.Line.Kind.SKIPPED, Integer.toString(skipped), null));
        }
        return lines;
    }

    private static String rule(LessonEntity lesson) {
        return lesson.completion().name() + (lesson.passScore() == null ? "" : " " + plain(lesson.passScore()) + " %");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static <T> String names(Collection<T> values, Function<T, String> name) {
        return values.stream().map(name).sorted().collect(Collectors.joining(", "));
    }

    private static String titles(List<String> slugs, Map<String, LessonEntity> lessons) {
        return slugs.stream().map(slug -> lessons.get(slug).title()).collect(Collectors.joining(" · "));
    }
}
