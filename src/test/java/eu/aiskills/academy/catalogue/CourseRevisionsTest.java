package eu.aiskills.academy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Change control on MariaDB: a published course's content changes only through a revision that
 * learners do not see until a reviewer publishes it; two authors starting one at once share it;
 * a minor revision may only fix text; the reviewer sees the changes side by side; publishing
 * keeps the lessons' ids (learners' progress), moves materials, counts the revision, records the
 * history and names the action truly in the audit log.
 */
@AcademyTest
class CourseRevisionsTest {

    static final String ML = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";

    @Autowired
    CourseAuthoring authoring;
    @Autowired
    CourseReviews reviews;
    @Autowired
    CourseRevisions revisions;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    private CourseId published(String title) {
        KaribuSupport.signIn(context, "instructor@academy.test");
        CourseId id = authoring.create(new CourseDraft(title, "What the course is about.", "Line one.\nLine two.\nLine three.",
                CourseLevel.INTRODUCTORY, CourseFormat.SELF_PACED, "en", Set.of(), 6, new BigDecimal("0.5"),
                List.of("Name the main threats"), Set.of(ML), Set.of(Sector.CYBERSECURITY), Set.of(), Set.of()));
        authoring.saveLesson(id, null, new LessonDraft("Threats", null, 30, true, "# Threats\n\nPhishing.\n\nMalware.", LessonCompletion.DONE,
                null, 1));
        authoring.saveLesson(id, null, new LessonDraft("Defences", null, 20, true, "# Defences\n\nPatch.", LessonCompletion.DONE, null, 1));
        reviews.submitForReview(id);
        KaribuSupport.signIn(context, "admin@academy.test");
        reviews.publish(id);
        KaribuSupport.signIn(context, "instructor@academy.test");
        return id;
    }

    @Test
    void aRevisionChangesNothingLearnersSeeUntilAReviewerPublishesItSideBySide() {
        String title = "Revised security " + UUID.randomUUID().toString().substring(0, 8);
        CourseId course = published(title);
        String slug = authoring.authored(course).slug();
        List<UUID> lessonIds = catalogue.publishedCourse(slug).orElseThrow().lessons().stream().map(LessonSummary::id).toList();
        assertThatThrownBy(() -> authoring.update(course, authoring.authored(course).draft()))
                .as("a published course is not changed in place").isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("authoring.published-locked"));

        CourseId revision = revisions.start(course);
        assertThat(revisions.start(course)).as("the open revision is continued").isEqualTo(revision);
        AuthoredCourse draft = authoring.authored(revision);
        assertThat(draft.revision().number()).isEqualTo(2);
        assertThat(draft.revision().of()).isEqualTo(course);
        assertThat(authoring.authored(course).revision().open()).isEqualTo(revision);
        assertThat(catalogue.taughtCourses()).extracting(c -> c.summary().id()).contains(course).doesNotContain(revision);

        CourseDraft changed = new CourseDraft(title, "What the course is about, clearer.", "Line one.\nLine 2, rewritten.\nLine three.",
                CourseLevel.INTRODUCTORY, CourseFormat.SELF_PACED, "en", Set.of(), 6, new BigDecimal("0.5"),
                List.of("Name the main threats", "Choose a defence"), Set.of(ML), Set.of(Sector.CYBERSECURITY), Set.of(), Set.of());
        authoring.update(revision, changed);
        AuthoredCourse.Lesson threats = draft.lessons().getFirst();
        authoring.saveLesson(revision, threats.id(), new LessonDraft("Threats", null, 30, true, "# Threats\n\nPhishing, and spear phishing.\n\nMalware.",
                LessonCompletion.DONE, null, 1));
        // Learners still see the published version.
        CourseDetail live = catalogue.publishedCourse(slug).orElseThrow();
        assertThat(live.summary().summary()).isEqualTo("What the course is about.");
        assertThat(live.outcomes()).containsExactly("Name the main threats");

        List<CourseChange> changes = revisions.changes(revision);
        assertThat(changes).extracting(CourseChange::field).containsExactly("summary", "description", "outcomes", "lesson-body");
        assertThat(changes).filteredOn(CourseChange::structural).extracting(CourseChange::field).containsExactly("outcomes");
        CourseChange description = changes.get(1);
        assertThat(description.lines()).extracting(CourseChange.Line::kind)
                .containsExactly(CourseChange.Line.Kind.SAME, CourseChange.Line.Kind.CHANGED, CourseChange.Line.Kind.SAME);
        assertThat(description.lines().get(1).before()).isEqualTo("Line two.");
        assertThat(description.lines().get(1).after()).isEqualTo("Line 2, rewritten.");
        assertThat(changes.get(2).lines()).extracting(CourseChange.Line::kind)
                .containsExactly(CourseChange.Line.Kind.SAME, CourseChange.Line.Kind.ADDED);
        assertThatThrownBy(() -> reviews.submitRevision(revision, true)).as("a new outcome is not a typo")
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("revision.not-minor");
                    assertThat(e.arguments()).containsExactly("outcomes changed");
                });
        reviews.submitRevision(revision, false);

        KaribuSupport.signIn(context, "reviewer@academy.test");
        assertThat(reviews.reviewQueue()).filteredOn(item -> item.course().id().equals(revision)).singleElement().satisfies(item -> {
            assertThat(item.isRevision()).isTrue();
            assertThat(item.revision()).isEqualTo(2);
            assertThat(item.revisionOf().id()).isEqualTo(course);
            assertThat(item.minor()).isFalse();
        });
        assertThat(revisions.changes(revision)).hasSize(4);
        reviews.publish(revision);

        CourseDetail after = catalogue.publishedCourse(slug).orElseThrow();
        assertThat(after.summary().summary()).isEqualTo("What the course is about, clearer.");
        assertThat(after.outcomes()).containsExactly("Name the main threats", "Choose a defence");
        assertThat(after.revision()).isEqualTo(2);
        assertThat(after.lessons()).extracting(LessonSummary::id).as("lessons keep their ids, and learners their progress")
                .containsExactlyElementsOf(lessonIds);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course WHERE id = ?", Integer.class, revision.value().toString()))
                .as("the merged revision's row is gone").isZero();
        assertThat(revisions.history(course)).singleElement().satisfies(past -> {
            assertThat(past.revision()).isEqualTo(2);
            assertThat(past.minor()).isFalse();
            assertThat(past.publishedBy()).as("the reviewer's display name (another test may rename them)").startsWith("Rui");
            assertThat(past.changes()).containsExactly("summary changed", "description changed", "outcomes changed",
                    "lesson “Threats”: lesson body");
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'course-revision-published' AND subject = ?", Integer.class, slug) == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'course-published' AND subject = ?",
                Integer.class, slug)).as("published once, then revised: not called published twice").isEqualTo(1);
    }

    @Test
    void aMinorRevisionOnlyFixesTextTwoAuthorsShareOneRevisionAndADiscardChangesNothing() throws Exception {
        String title = "Minor security " + UUID.randomUUID().toString().substring(0, 8);
        CourseId course = published(title);
        List<CourseId> started = Race.run(3, i -> () -> KaribuSupport.as(context, i == 0 ? "admin@academy.test" : "instructor@academy.test",
                () -> revisions.start(course)));
        assertThat(started).containsOnly(started.getFirst());
        CourseId revision = started.getFirst();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course WHERE revision_of = ?", Integer.class, course.value().toString()))
                .isEqualTo(1);
        assertThatThrownBy(() -> reviews.submitRevision(revision, true)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("revision.no-changes"));
        AuthoredCourse.Lesson defences = authoring.authored(revision).lessons().get(1);
        authoring.saveLesson(revision, defences.id(), new LessonDraft("Defences", null, 20, true, "# Defences\n\nPatch promptly.",
                LessonCompletion.DONE, null, 1));
        String stranger = KaribuSupport.person(context, "revision-stranger-" + UUID.randomUUID() + "@academy.test", "Olga",
                eu.aiskills.academy.identity.Role.INSTRUCTOR);
        assertThatThrownBy(() -> KaribuSupport.as(context, stranger, () -> revisions.changes(revision))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> KaribuSupport.as(context, stranger, () -> revisions.start(course))).isInstanceOf(AccessDeniedException.class);

        revisions.discard(revision);
        assertThat(authoring.authored(course).revision().open()).isNull();
        CourseId again = revisions.start(course);
        assertThat(again).isNotEqualTo(revision);
        AuthoredCourse.Lesson lesson = authoring.authored(again).lessons().get(1);
        authoring.saveLesson(again, lesson.id(), new LessonDraft("Defences", null, 20, true, "# Defences\n\nPatch promptly.",
                LessonCompletion.DONE, null, 1));
        reviews.submitRevision(again, true);
        KaribuSupport.signIn(context, "admin@academy.test");
        assertThat(reviews.reviewQueue()).filteredOn(item -> item.course().id().equals(again)).singleElement()
                .satisfies(item -> assertThat(item.minor()).isTrue());
        reviews.publish(again);
        assertThat(revisions.history(course)).singleElement().satisfies(past -> assertThat(past.minor()).isTrue());
        assertThat(catalogue.publishedCourse(authoring.authored(course).slug()).orElseThrow().revision()).isEqualTo(2);
    }
}
