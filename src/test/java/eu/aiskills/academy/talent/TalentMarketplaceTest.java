package eu.aiskills.academy.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.MembershipRole;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.search.Search;
import eu.aiskills.academy.search.SearchOrder;
import eu.aiskills.academy.search.SearchQuery;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shell.Notification;
import eu.aiskills.academy.shell.Notifications;
import eu.aiskills.academy.shell.internal.MailOutbox;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.Smtp;
import eu.aiskills.academy.testsupport.TestCourses;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The marketplace end to end: an employer posts an apprenticeship, a student whose course
 * credential verifies a skill is alerted, sees it ranked with the explanation, confirms a
 * skill from the CV, applies; the employer moves the application to an offer and the student is
 * told in the app and by e-mail through a real SMTP server. Another employer sees none of it;
 * withdrawn consent hides the profile.
 */
@AcademyTest
class TalentMarketplaceTest {

    private static final String MACHINE_LEARNING = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";
    private static final String STATISTICS = "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833";
    private static final String DEEP_LEARNING = "http://data.europa.eu/esco/skill/ecc4552a-92c5-4222-b18d-faf5ac841080";
    private static final String ALGORITHMS = "http://data.europa.eu/esco/skill/54924a2c-daca-40d3-9716-4b38ceb04f38";

    @RegisterExtension
    static GreenMailExtension smtp = Smtp.server();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        Smtp.register(registry, smtp);
    }

    @Autowired
    Postings postings;
    @Autowired
    Candidates candidates;
    @Autowired
    Applications applications;
    @Autowired
    Matching matching;
    @Autowired
    SavedSearches searches;
    @Autowired
    Documents documents;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Notifications notifications;
    @Autowired
    MailOutbox outbox;
    @Autowired
    Registration registration;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Search search;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void aStudentWithACredentialIsMatchedAppliesAndIsOfferedTheApprenticeship() throws Exception {
        String student = person("talent-student@example.org", "Tilda Talent", Role.STUDENT);
        AccountId studentId = as(student, () -> candidates.mine().account());
        completeACourseTeachingMachineLearning(student);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(student, () -> candidates.mine().verified(MACHINE_LEARNING)));

        CandidateProfile profile = as(student, () -> candidates.save(new ProfileDraft("Data scientist in the making",
                "Two years of **lab work** in Tampere.", "MSc Physics", "FI", "Tampere", Mobility.EU, List.of("en", "fi"),
                List.of(STATISTICS), Visibility.OPEN_TO_OFFERS, true)));
        assertThat(profile.visibleToEmployers()).isTrue();
        assertThat(profile.skills()).extracting(CandidateSkill::uri, CandidateSkill::source)
                .contains(org.assertj.core.groups.Tuple.tuple(MACHINE_LEARNING, SkillSource.VERIFIED),
                        org.assertj.core.groups.Tuple.tuple(STATISTICS, SkillSource.DECLARED));
        as(student, () -> searches.save("Apprenticeships", "", Set.of(PostingKind.APPRENTICESHIP), Set.of(), Set.of()));

        Posting posting = as("employer@academy.test", () -> {
            Posting draft = postings.create(apprenticeship(aurora(), "Applied-ML apprentice"));
            return postings.publish(draft.id());
        });

        Notification alert = await().atMost(Duration.ofSeconds(20))
                .until(() -> as(student, notifications::mine), list -> list.stream().anyMatch(n -> n.messageKey().equals("notification.posting-alert")))
                .stream().filter(n -> n.messageKey().equals("notification.posting-alert")).findFirst().orElseThrow();
        assertThat(alert.arguments()).containsExactly("Applied-ML apprentice", "Apprenticeships");
        assertThat(alert.link()).isEqualTo("/postings/" + posting.id());

        Matching.PostingMatch ranked = as(student, () -> matching.postingsForMe(null, 20)).stream()
                .filter(m -> m.posting().id().equals(posting.id())).findFirst().orElseThrow();
        assertThat(ranked.why().requiredTotal()).isEqualTo(3);
        assertThat(ranked.why().requiredMatched()).isEqualTo(2);
        assertThat(ranked.why().verifiedMatched()).isEqualTo(1);
        assertThat(ranked.why().missing()).extracting(s -> s.uri()).containsExactly(DEEP_LEARNING);
        assertThat(ranked.coursesForMissing().get(DEEP_LEARNING)).extracting(c -> c.slug()).contains("deep-learning-on-hpc");

        // The CV names deep learning: suggested, confirmed, counted.
        StoredDocument cv = as(student, () -> documents.store(DocumentPurpose.CV, "cv.md", new ByteArrayInputStream(
                "# Tilda Talent\n\nThesis on Deep-Learning for ice-sheet images; statistics; Python.\n".getBytes(StandardCharsets.UTF_8))));
        List<CandidateSkill> suggested = as(student, () -> candidates.suggestFromCv(cv.id()));
        assertThat(suggested).extracting(CandidateSkill::uri).containsExactly(DEEP_LEARNING);
        as(student, () -> candidates.confirmSuggestion(DEEP_LEARNING));
        assertThat(as(student, () -> matching.postingsForMe(PostingKind.APPRENTICESHIP, 20)).stream()
                .filter(m -> m.posting().id().equals(posting.id())).findFirst().orElseThrow().why().requiredMatched()).isEqualTo(3);

        assertThatThrownBy(() -> as(student, () -> applications.apply(new ApplicationDraft(posting.id(), "Hello", cv.id(), List.of()))))
                .as("the posting's question needs an answer").isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).field()).isEqualTo("answers");
        JobApplication applied = as(student, () -> applications.apply(new ApplicationDraft(posting.id(),
                "I would love to learn with your team.", cv.id(), List.of("Machine learning with scikit-learn"))));
        assertThat(applied.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(applied.profile().skills()).extracting(CandidateSkill::uri).contains(MACHINE_LEARNING, DEEP_LEARNING);
        assertThatThrownBy(() -> as(student, () -> applications.apply(new ApplicationDraft(posting.id(), "Again", null,
                List.of("Again"))))).isInstanceOf(UserFacingException.class).hasMessageContaining("application.already-applied");

        // The employer's side: the ranked candidate with the explanation, the application, the pipeline.
        List<Matching.CandidateMatch> candidatesRanked = as("employer@academy.test",
                () -> matching.candidatesFor(posting.id(), Matching.CandidateFilter.NONE, 20));
        Matching.CandidateMatch tilda = candidatesRanked.stream().filter(c -> c.candidate().equals(studentId)).findFirst().orElseThrow();
        assertThat(tilda.why().requiredMatched()).isEqualTo(3);
        assertThat(tilda.why().verifiedMatched()).isEqualTo(1);
        assertThat(tilda.headline()).isEqualTo("Data scientist in the making");
        await().atMost(Duration.ofSeconds(20)).until(() -> as("employer@academy.test", notifications::mine).stream()
                .anyMatch(n -> n.messageKey().equals("notification.application-submitted")));

        as("employer@academy.test", () -> {
            assertThat(applications.forPosting(posting.id())).extracting(JobApplication::candidateName).containsExactly("Tilda Talent");
            applications.addNote(applied.id(), "Strong thesis; invite.");
            applications.move(applied.id(), ApplicationStatus.SCREENING, null);
            applications.move(applied.id(), ApplicationStatus.INTERVIEW, null);
            return applications.move(applied.id(), ApplicationStatus.OFFER, "We would like you to start in March.");
        });
        try (InputStream file = as("employer@academy.test", () -> applications.openCv(applied.id()))) {
            assertThat(new String(file.readAllBytes(), StandardCharsets.UTF_8)).contains("Deep-Learning");
        }
        List<ApplicationMove> history = as(student, () -> applications.history(applied.id()));
        assertThat(history).extracting(ApplicationMove::to).containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.SCREENING,
                ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER);
        assertThat(history.getLast().movedBy()).isEqualTo("Emma Employer");
        assertThatThrownBy(() -> as(student, () -> applications.notes(applied.id()))).as("notes are the team's")
                .isInstanceOf(AccessDeniedException.class);

        Notification offer = await().atMost(Duration.ofSeconds(20)).until(() -> as(student, notifications::mine),
                        list -> list.stream().anyMatch(n -> n.messageKey().equals("notification.application.offer-reason")))
                .stream().filter(n -> n.messageKey().equals("notification.application.offer-reason")).findFirst().orElseThrow();
        assertThat(offer.arguments()).containsExactly("Applied-ML apprentice", "Aurora Applied AI", "We would like you to start in March.");

        outbox.sendPending();
        MimeMessage mail = List.of(smtp.getReceivedMessagesForDomain("example.org")).stream()
                .filter(m -> subject(m).contains("offer")).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("talent-student@example.org");
        assertThat(subject(mail)).contains("Applied-ML apprentice");
        assertThat(((String) mail.getContent())).contains("We would like you to start in March.", "/my-applications");
        assertThat(outbox.sendPending()).as("a sent mail is never sent again").isZero();

        // Another employer sees nothing of it, directly or through matching.
        String rival = person("rival@example.org", "Rita Rival", Role.EMPLOYER);
        SystemActor.run(() -> {
            OrganisationId other = organisations.create(new NewOrganisation("Rival Robotics", OrganisationKind.EMPLOYER, "DE", null));
            organisations.addMember(other, "rival@example.org", MembershipRole.MANAGER);
        });
        as(rival, () -> {
            assertThatThrownBy(() -> applications.get(applied.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> applications.forPosting(posting.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> applications.openCv(applied.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> applications.move(applied.id(), ApplicationStatus.REJECTED, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> matching.candidatesFor(posting.id(), Matching.CandidateFilter.NONE, 10))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(candidates.profileFor(studentId).draft().headline()).as("consented: visible").isEqualTo("Data scientist in the making");
            assertThat(search.catalogue(new SearchQuery("Tilda Talent Tampere", Map.of(), SearchOrder.RELEVANCE, 0, 50)).hits())
                    .as("search never returns people").allSatisfy(hit -> assertThat(hit.toString()).doesNotContain("Tilda"));
            return null;
        });

        // Consent withdrawn: gone from the rival and from every ranking at once; the employer applied to keeps the application.
        as(student, candidates::withdrawConsent);
        as(rival, () -> {
            assertThatThrownBy(() -> candidates.profileFor(studentId)).isInstanceOf(NotFoundException.class);
            return null;
        });
        assertThat(as("employer@academy.test", () -> matching.candidatesFor(posting.id(), Matching.CandidateFilter.NONE, 100)))
                .extracting(Matching.CandidateMatch::candidate).doesNotContain(studentId);
        assertThat(as("employer@academy.test", () -> candidates.profileFor(studentId)).draft().headline())
                .as("the employer applied to still reads the applicant").isEqualTo("Data scientist in the making");
    }

    @Test
    void oneCandidateClickingApplyManyTimesAtOnceLeavesOneActiveApplication() throws Exception {
        String racer = person("talent-racer@example.org", "Rafael Racer", Role.STUDENT);
        Posting posting = as("employer@academy.test", () -> postings.publish(postings.create(
                apprenticeship(aurora(), "Race apprentice")).id()));
        List<Object> results = Race.run(8, n -> () -> {
            try {
                return as(racer, () -> applications.apply(new ApplicationDraft(posting.id(), "Me", null, List.of("Yes"))));
            } catch (UserFacingException refused) {
                return refused.messageKey();
            }
        });
        assertThat(results).filteredOn(r -> r instanceof JobApplication).hasSize(1);
        assertThat(results).filteredOn("application.already-applied"::equals).hasSize(7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job_application WHERE posting_id = ? AND active = TRUE", Integer.class,
                posting.id().toString())).isEqualTo(1);

        // Withdrawn, the candidate may apply again; the employer may not move a withdrawn application.
        JobApplication first = as(racer, () -> applications.mineFor(posting.id())).orElseThrow();
        as(racer, () -> applications.withdraw(first.id()));
        assertThatThrownBy(() -> as("employer@academy.test", () -> applications.move(first.id(), ApplicationStatus.OFFER, null)))
                .isInstanceOf(UserFacingException.class);
        assertThat(as(racer, () -> applications.apply(new ApplicationDraft(posting.id(), "Me again", null, List.of("Yes")))).status())
                .isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void anAlertAnnouncesAPostingOnceAndRemindsBeforeItClosesUnlessAppliedTo() throws Exception {
        String watcher = person("talent-watcher@example.org", "Wanda Watcher", Role.STUDENT);
        as(watcher, () -> searches.save("Returnships in Finland", "", Set.of(PostingKind.RETURNSHIP), Set.of("FI"), Set.of()));
        Posting soon = as("employer@academy.test", () -> postings.publish(postings.create(new PostingDraft(aurora(), PostingKind.RETURNSHIP,
                "Returning data engineer", "Back to work after a break.", null, Seniority.MID, List.of("Tampere"), RemotePolicy.HYBRID, "FI",
                false, null, null, null, null, List.of("en"), LocalDate.now(ZoneOffset.UTC).plusDays(2), 1, List.of(STATISTICS), List.of(),
                null, List.of(), List.of())).id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(watcher, "notification.posting-alert", "Returning data engineer") == 1);

        SystemActor.call(searches::remindClosing);
        SystemActor.call(searches::remindClosing);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(watcher, "notification.posting-closing", "Returning data engineer") == 1);
        assertThat(SystemActor.call(() -> searches.announce(soon.id()))).as("announced once only").isZero();
        Thread.sleep(500);
        assertThat(alerts(watcher, "notification.posting-closing", "Returning data engineer")).as("reminded once only").isEqualTo(1);
    }

    private long alerts(String email, String key, String title) throws Exception {
        return as(email, notifications::mine).stream().filter(n -> n.messageKey().equals(key) && n.arguments().getFirst().equals(title))
                .count();
    }

    @Test
    void badInputIsRefusedFieldByField() throws Exception {
        String someone = person("talent-bad@example.org", "Bea Bad", Role.STUDENT);
        as(someone, () -> {
            assertThatThrownBy(() -> candidates.save(new ProfileDraft("Hi", "", "", "FI", null, Mobility.LOCAL, List.of(), List.of(),
                    Visibility.OPEN_TO_OFFERS, false))).extracting(e -> ((UserFacingException) e).field()).isEqualTo("consent");
            assertThatThrownBy(() -> candidates.save(new ProfileDraft("x".repeat(201), "", "", null, null, Mobility.LOCAL, List.of(),
                    List.of(), Visibility.PRIVATE, false))).extracting(e -> ((UserFacingException) e).field()).isEqualTo("headline");
            assertThatThrownBy(() -> candidates.save(new ProfileDraft("Hi", "", "", "XX", null, Mobility.LOCAL, List.of(), List.of(),
                    Visibility.PRIVATE, false))).extracting(e -> ((UserFacingException) e).field()).isEqualTo("country");
            assertThatThrownBy(() -> candidates.save(new ProfileDraft("Hi", "", "", null, null, Mobility.LOCAL, List.of("xx"), List.of(),
                    Visibility.PRIVATE, false))).extracting(e -> ((UserFacingException) e).field()).isEqualTo("languages");
            assertThatThrownBy(() -> candidates.save(new ProfileDraft("Hi", "", "", null, null, Mobility.LOCAL, List.of(),
                    List.of("http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000"), Visibility.PRIVATE, false)))
                    .extracting(e -> ((UserFacingException) e).field()).isEqualTo("skills");
            assertThatThrownBy(() -> searches.save("", "", Set.of(), Set.of(), Set.of()))
                    .extracting(e -> ((UserFacingException) e).field()).isEqualTo("name");
            assertThatThrownBy(() -> searches.save("Anything", " ", Set.of(), Set.of(), Set.of()))
                    .hasMessageContaining("alerts.invalid.empty");
            // Someone else's file is not a CV of theirs.
            StoredDocument text = documents.store(DocumentPurpose.APPLICATION_ATTACHMENT, "notes.txt",
                    new ByteArrayInputStream("machine learning".getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> candidates.suggestFromCv(text.id())).extracting(e -> ((UserFacingException) e).field()).isEqualTo("cv");
            return null;
        });
        assertThat(as(someone, () -> candidates.mine()).skills()).as("nothing half-written").isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private PostingDraft apprenticeship(OrganisationId company, String title) {
        return new PostingDraft(company, PostingKind.APPRENTICESHIP, title, "Learn applied ML with us.", null, Seniority.ENTRY,
                List.of("Helsinki"), RemotePolicy.HYBRID, "FI", true, new BigDecimal("2400"), new BigDecimal("3100"), "EUR", "MONTH",
                List.of("en"), LocalDate.now(ZoneOffset.UTC).plusDays(30), 2, List.of(MACHINE_LEARNING, STATISTICS, DEEP_LEARNING),
                List.of(ALGORITHMS), "Four days in the team, one day of Academy courses.", List.of("ml-with-scikit-learn"),
                List.of("Which Academy courses have you completed?"));
    }

    @Test
    void aCourseCompletedByTickingLessonsAttestsItsSkillsWithoutVerifyingThem() throws Exception {
        String student = person("talent-ticks@example.org", "Tim Ticks", Role.STUDENT);
        TestCourses courses = new TestCourses(content, context);
        courses.course("talent-ticked").lessons(2).create();
        courses.complete("talent-ticked", student);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(student, () -> candidates.mine().skills().stream()
                .anyMatch(s -> s.uri().equals(MACHINE_LEARNING))));
        CandidateProfile profile = as(student, () -> candidates.mine());
        assertThat(profile.skills()).extracting(CandidateSkill::uri, CandidateSkill::source, CandidateSkill::evidence)
                .contains(org.assertj.core.groups.Tuple.tuple(MACHINE_LEARNING, SkillSource.COURSE, "Course talent-ticked"));
        assertThat(profile.verified(MACHINE_LEARNING)).as("marked done is declared, not verified").isFalse();
    }

    private OrganisationId aurora() {
        return organisations.myMemberships().stream().filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).findFirst()
                .orElseThrow().organisationId();
    }

    private void completeACourseTeachingMachineLearning(String student) throws Exception {
        TestCourses courses = new TestCourses(content, context);
        courses.course("talent-ml").lessons(1).quizLastLesson().create();
        courses.complete("talent-ml", student);
    }

    private String person(String email, String name, Role role) {
        People.create(registration, email, name, role);
        return email;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T as(String email, Callable<T> work) throws Exception {
        return KaribuSupport.as(context, email, work);
    }
}
