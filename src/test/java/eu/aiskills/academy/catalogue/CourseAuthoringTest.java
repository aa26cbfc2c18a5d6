package eu.aiskills.academy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** An instructor writes a course, a reviewer publishes it; every rule holds in the service itself. */
@AcademyTest
class CourseAuthoringTest {

    static final String ML = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";

    @Autowired
    CourseAuthoring authoring;
    @Autowired
    CourseReviews reviews;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Registration registration;
    @Autowired
    eu.aiskills.academy.identity.OrganisationManagement organisations;
    @Autowired
    ApplicationContext context;

    @Test
    void anInstructorWritesACourseAndAReviewerPublishesIt() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        CourseId id = authoring.create(draft("Grundlagen der KI-Sicherheit"));
        AuthoredCourse created = authoring.authored(id);
        assertThat(created.slug()).isEqualTo("grundlagen-der-ki-sicherheit");
        assertThat(created.status()).isEqualTo(CourseStatus.DRAFT);
        assertThat(catalogue.publishedCourse(created.slug())).isEmpty();

        assertThatThrownBy(() -> reviews.submitForReview(id))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("authoring.submit.no-lessons"));
        UUID first = authoring.saveLesson(id, null, new LessonDraft("Threats", "Basics", 30, true, "# Threats\n\n<script>x()</script>Text", LessonCompletion.DONE, null, 1));
        UUID second = authoring.saveLesson(id, null, new LessonDraft("Threats", null, 20, false, "Second", LessonCompletion.DONE, null, 1));
        authoring.moveLesson(id, second, -1);
        AuthoredCourse withLessons = authoring.authored(id);
        assertThat(withLessons.lessons()).extracting(AuthoredCourse.Lesson::id).containsExactly(second, first);
        assertThat(withLessons.lessons()).extracting(AuthoredCourse.Lesson::slug).containsExactly("threats-2", "threats");

        assertThatThrownBy(() -> authoring.saveRun(id, null, plan("r1", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 4, 1))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.field()).isEqualTo("endsOn");
                    assertThat(e.messageKey()).isEqualTo("run.invalid.ends-before-start");
                });
        RunId run = authoring.saveRun(id, null, plan("r1", LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 1)));
        assertThatThrownBy(() -> authoring.saveRun(id, null, plan("r1", LocalDate.of(2027, 6, 1), LocalDate.of(2027, 7, 1))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("code"));

        assertThat(catalogue.previewLessons(id)).extracting(l -> l.html()).anySatisfy(html ->
                assertThat(html).contains("<h1>Threats</h1>").doesNotContain("<script"));
        reviews.submitForReview(id);
        assertThatThrownBy(() -> authoring.update(id, draft("Changed while in review")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("authoring.locked-in-review"));
        assertThatThrownBy(() -> reviews.publish(id)).isInstanceOf(AccessDeniedException.class);

        KaribuSupport.signIn(context, "reviewer@academy.test");
        assertThat(reviews.reviewQueue()).extracting(item -> item.course().id()).contains(id);
        assertThatThrownBy(() -> reviews.returnToAuthors(id, " ")).isInstanceOf(UserFacingException.class);
        reviews.returnToAuthors(id, "Add a lesson on prompt injection.");

        KaribuSupport.signIn(context, "instructor@academy.test");
        assertThat(authoring.authored(id).reviewNote()).isEqualTo("Add a lesson on prompt injection.");
        reviews.submitForReview(id);
        KaribuSupport.signIn(context, "admin@academy.test");
        reviews.publish(id);

        CourseDetail published = catalogue.publishedCourse("grundlagen-der-ki-sicherheit").orElseThrow();
        assertThat(published.outcomes()).containsExactly("Name the main threats", "Choose a defence");
        assertThat(published.skills()).extracting(Skill::uri).containsExactly(ML);
        assertThat(published.instructors()).containsExactly("Ines Instructor");
        assertThat(published.runs()).extracting(CourseRun::id).containsExactly(run);
        assertThat(published.lessons()).extracting(LessonSummary::required).containsExactly(false, true);
    }

    @Test
    void aLessonCompletedByAssessedWorkNeedsThatWorkBeforeTheCourseGoesToReview() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        CourseId id = authoring.create(draft("Graded without a lab " + UUID.randomUUID().toString().substring(0, 8)));
        authoring.saveLesson(id, null, new LessonDraft("Read me", null, 10, true, "Text.", LessonCompletion.READ, null, 1));
        assertThatThrownBy(() -> authoring.saveLesson(id, null, new LessonDraft("Lab", null, 10, true, "Text.", LessonCompletion.LAB, null, 1)))
                .as("a lab lesson needs its pass score").isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.field()).isEqualTo("passScore"));
        assertThatThrownBy(() -> authoring.saveLesson(id, null, new LessonDraft("Weighty", null, 10, true, "Text.", LessonCompletion.LAB,
                new BigDecimal("60"), 101))).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("weight"));
        authoring.saveLesson(id, null, new LessonDraft("Lab", null, 10, true, "Text.", LessonCompletion.LAB, new BigDecimal("60"), 2));
        assertThatThrownBy(() -> reviews.submitForReview(id)).as("no learner could complete a lab lesson without its lab")
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("authoring.submit.no-lab");
                    assertThat(e.arguments()).containsExactly("Lab");
                });
        assertThat(authoring.authored(id).lessons()).extracting(l -> l.draft().completedBy())
                .containsExactly(LessonCompletion.READ, LessonCompletion.LAB);
    }

    @Test
    void prerequisiteChoicesArePagesOfPublishedCoursesByTitleNeverTheCourseItself() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        CoursePage all = authoring.prerequisiteChoices(null, "", 0, 100);
        assertThat(all.courses()).hasSizeGreaterThan(2);
        assertThat(all.total()).as("a page holds at most 100; the suite publishes more").isGreaterThanOrEqualTo(all.courses().size());
        assertThat(all.courses()).isEqualTo(catalogue.publishedCourses("", 0, 100).courses());

        CourseSummary first = all.courses().getFirst();
        CoursePage others = authoring.prerequisiteChoices(first.id(), "", 0, 100);
        assertThat(others.courses()).doesNotContain(first);
        assertThat(others.total()).isEqualTo(all.total() - 1);

        CoursePage second = authoring.prerequisiteChoices(null, "", 1, 1);
        assertThat(second.courses()).containsExactly(all.courses().get(1));
        assertThat(second.pages()).isEqualTo((int) all.total());
        assertThat(authoring.prerequisiteChoices(null, "", (int) all.total(), 1).courses()).isEmpty();

        String word = first.title().split(" ")[0];
        assertThat(authoring.prerequisiteChoices(null, "  " + word.toUpperCase(java.util.Locale.ROOT) + " ", 0, 100).courses())
                .contains(first).allSatisfy(c -> assertThat(c.title()).containsIgnoringCase(word));
        assertThat(authoring.prerequisiteChoices(null, "no course is called this", 0, 100).total()).isZero();

        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> authoring.prerequisiteChoices(null, "", 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void formsAreCheckedFieldByFieldAndOnlyAuthorsEdit() {
        KaribuSupport.signIn(context, "instructor@academy.test");
        assertThatThrownBy(() -> authoring.create(new CourseDraft("", "S", null, CourseLevel.ADVANCED, CourseFormat.COHORT, "en",
                Set.of(), 5, null, List.of("o"), Set.of(), Set.of(), Set.of(), Set.of())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("title"));
        assertThatThrownBy(() -> authoring.create(new CourseDraft("T", "S", null, CourseLevel.ADVANCED, CourseFormat.COHORT, "en",
                Set.of(), 5, null, List.of(" ", ""), Set.of(), Set.of(), Set.of(), Set.of())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("outcomes"));
        assertThatThrownBy(() -> authoring.create(new CourseDraft("T", "S", null, CourseLevel.ADVANCED, CourseFormat.COHORT, "en",
                Set.of(), 5, new BigDecimal("2.25"), List.of("o"), Set.of(), Set.of(), Set.of(), Set.of())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("ects"));
        assertThatThrownBy(() -> authoring.create(new CourseDraft("T", "S", null, CourseLevel.ADVANCED, CourseFormat.COHORT, "en",
                Set.of(), 5, null, List.of("o"), Set.of("http://example.org/not-esco"), Set.of(), Set.of(), Set.of())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("skills"));
        CourseId mine = authoring.create(draft("Mine to edit"));

        People.create(registration, "second-instructor@example.org", "Second Instructor", Role.INSTRUCTOR);
        KaribuSupport.signIn(context, "second-instructor@example.org");
        assertThatThrownBy(() -> authoring.update(mine, draft("Not mine"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> authoring.authored(mine)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.preview(mine)).isInstanceOf(AccessDeniedException.class);

        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> authoring.create(draft("Student course"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.reviewQueue()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCourseOfAnOrganisationIsReviewedByThatOrganisationsReviewers() {
        KaribuSupport.signIn(context, "admin@academy.test");
        eu.aiskills.academy.identity.OrganisationId university = organisations.create(new eu.aiskills.academy.identity.NewOrganisation(
                "Universidad de Prueba", eu.aiskills.academy.identity.OrganisationKind.UNIVERSITY, "ES", null));
        People.create(registration, "uni-instructor@example.org", "Uni Instructor", Role.INSTRUCTOR);
        People.create(registration, "uni-reviewer@example.org", "Uni Reviewer", Role.REVIEWER);
        organisations.addMember(university, "uni-instructor@example.org", eu.aiskills.academy.identity.MembershipRole.MEMBER);
        organisations.addMember(university, "uni-reviewer@example.org", eu.aiskills.academy.identity.MembershipRole.MEMBER);

        KaribuSupport.signIn(context, "uni-instructor@example.org");
        CourseId id = authoring.create(draft("University course"));
        authoring.saveLesson(id, null, new LessonDraft("Only lesson", null, 10, true, "Text.", LessonCompletion.DONE, null, 1));
        reviews.submitForReview(id);

        KaribuSupport.signIn(context, "reviewer@academy.test");
        assertThat(reviews.reviewQueue()).extracting(item -> item.course().id()).doesNotContain(id);
        assertThatThrownBy(() -> reviews.publish(id)).isInstanceOf(AccessDeniedException.class);

        KaribuSupport.signIn(context, "uni-reviewer@example.org");
        assertThat(reviews.reviewQueue()).extracting(item -> item.course().id()).contains(id);
        reviews.publish(id);
        assertThat(catalogue.publishedCourse("university-course")).isPresent();
    }

    private static CourseDraft draft(String title) {
        return new CourseDraft(title, "What the course is about.", "Longer **description**.", CourseLevel.INTRODUCTORY,
                CourseFormat.SELF_PACED, "de", Set.of("en"), 6, new BigDecimal("0.5"),
                List.of("Name the main threats", "Choose a defence"), Set.of(ML), Set.of(Sector.CYBERSECURITY), Set.of(), Set.of());
    }

    private static RunPlan plan(String code, LocalDate starts, LocalDate ends) {
        return new RunPlan(code, starts, ends, LocalDateTime.of(2026, 11, 1, 9, 0), LocalDateTime.of(2027, 3, 25, 17, 0),
                ZoneId.of("Europe/Berlin"), 20, true, "de", DeliveryMode.ONLINE, null, new BigDecimal("5"));
    }
}
