package eu.aiskills.academy.fellowships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.fellowships.ApplicantFacts.PhdStatus;
import eu.aiskills.academy.fellowships.ApplicantFacts.Residence;
import eu.aiskills.academy.identity.MembershipRole;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.People;
import eu.aiskills.academy.testsupport.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * An administrator opens a call, a host institution offers placements, a non-EU researcher
 * checks eligibility, prepares and submits an application before the deadline and gets a
 * receipt; submitted is immutable; late is refused with the time, even for submissions racing
 * the deadline.
 */
@AcademyTest
class FellowshipApplicationsTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final String ML = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";

    @Autowired
    FellowshipCalls calls;
    @Autowired
    FellowshipApplications applications;
    @Autowired
    Documents documents;
    @Autowired
    Registration registration;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    ApplicationContext context;

    @Test
    void aNonEuResearcherChecksEligibilityAppliesAndGetsAReceipt() throws Exception {
        FellowshipCall call = openCall("postdoc-" + UUID.randomUUID().toString().substring(0, 8), LocalDateTime.now(BRUSSELS).plusDays(5));
        String host = person("host-" + call.slug() + "@example.org", Role.STUDENT);
        OrganisationId institute = SystemActor.call(() -> {
            OrganisationId id = organisations.create(new NewOrganisation("Institute " + call.slug(), OrganisationKind.HOST_INSTITUTION,
                    "DE", null));
            organisations.addMember(id, host, MembershipRole.MEMBER);
            return id;
        });
        HostOffer robotics = as(host, () -> calls.addOffer(call.id(), new OfferDraft(institute, "Learning robot grasping",
                "With our robotics lab.", "Dr. Anna Berg", List.of(ML), 2, "Munich", "DE")));
        HostOffer vision = as(host, () -> calls.addOffer(call.id(), new OfferDraft(institute, "Vision for glaciers", "Remote sensing.",
                "Dr. Ole Lind", List.of(), 1, "Berlin", "DE")));
        String outsider = person("outsider-" + call.slug() + "@example.org", Role.STUDENT);
        assertThatThrownBy(() -> as(outsider, () -> calls.addOffer(call.id(), new OfferDraft(institute, "Not mine", "", "X", List.of(), 1,
                "Munich", "DE")))).as("only the host's members offer places").isInstanceOf(AccessDeniedException.class);

        String researcher = person("researcher-" + call.slug() + "@example.org", Role.FELLOW);
        ApplicantFacts facts = new ApplicantFacts("IN", List.of(new Residence("IN", LocalDate.of(2015, 1, 1), null)), PhdStatus.OBTAINED,
                LocalDate.now().minusYears(3), List.of());
        EligibilityReport report = applications.checkEligibility(call.id(), facts, List.of(robotics.id()));
        assertThat(report.eligible()).isTrue();
        assertThat(report.outcomes()).extracting(EligibilityReport.Outcome::rule)
                .containsExactly("nationality", "outside-eu", "career-stage", "mobility");
        ApplicantFacts eu = new ApplicantFacts("FR", facts.residences(), PhdStatus.OBTAINED, facts.phdDate(), List.of());
        assertThat(applications.checkEligibility(call.id(), eu, List.of()).eligible()).as("a clear reason, not a silent hide").isFalse();

        StoredDocument cv = as(researcher, () -> documents.store(DocumentPurpose.APPLICATION_ATTACHMENT, "cv.md",
                new ByteArrayInputStream("# CV\n\nPhD in robotics.".getBytes(StandardCharsets.UTF_8))));
        FellowshipApplication draft = as(researcher, () -> applications.save(call.id(), new ApplicationDraft("Grasping with **learned** models.",
                facts, List.of(robotics.id(), vision.id()), Map.of("CV", cv.id()))));
        assertThat(draft.status()).isEqualTo(FellowshipApplication.Status.DRAFT);
        assertThat(draft.choices()).containsExactly(robotics.id(), vision.id());
        assertThatThrownBy(() -> as(researcher, () -> applications.submit(call.id()))).as("the research plan is required too")
                .isInstanceOf(UserFacingException.class).hasMessageContaining("fellowship.invalid.documents-missing");
        StoredDocument plan = as(researcher, () -> documents.store(DocumentPurpose.APPLICATION_ATTACHMENT, "plan.md",
                new ByteArrayInputStream("# Plan".getBytes(StandardCharsets.UTF_8))));
        as(researcher, () -> applications.save(call.id(), new ApplicationDraft("Grasping with **learned** models.", facts,
                List.of(robotics.id(), vision.id()), Map.of("CV", cv.id(), "Research plan", plan.id()))));

        FellowshipApplication submitted = as(researcher, () -> applications.submit(call.id()));
        assertThat(submitted.status()).isEqualTo(FellowshipApplication.Status.SUBMITTED);
        assertThat(submitted.receipt()).hasSize(64);
        assertThat(submitted.submittedAt()).isNotNull();
        assertThatThrownBy(() -> as(researcher, () -> applications.save(call.id(), new ApplicationDraft("Changed", facts, List.of(), Map.of()))))
                .as("submitted is immutable").isInstanceOf(UserFacingException.class).hasMessageContaining("fellowship.application-submitted");
        assertThatThrownBy(() -> as(researcher, () -> applications.submit(call.id()))).isInstanceOf(UserFacingException.class);
        assertThat(as(researcher, () -> applications.mine(call.id())).orElseThrow().proposal()).isEqualTo("Grasping with **learned** models.");

        // An EU national is told why, and cannot submit.
        String european = person("european-" + call.slug() + "@example.org", Role.FELLOW);
        StoredDocument cv2 = as(european, () -> documents.store(DocumentPurpose.APPLICATION_ATTACHMENT, "cv.md",
                new ByteArrayInputStream("CV".getBytes(StandardCharsets.UTF_8))));
        as(european, () -> applications.save(call.id(), new ApplicationDraft("Plan", eu, List.of(vision.id()),
                Map.of("CV", cv2.id(), "Research plan", cv2.id()))));
        assertThatThrownBy(() -> as(european, () -> applications.submit(call.id()))).hasMessageContaining("fellowship.not-eligible");

        assertThat(as(researcher, () -> applications.withdraw(call.id())).status()).isEqualTo(FellowshipApplication.Status.WITHDRAWN);
    }

    @Test
    void submissionsRacingTheDeadlineAreDecidedByTheServerClock() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // People and files first: the call below closes seconds after it is published.
        List<String> early = new ArrayList<>();
        List<String> late = new ArrayList<>();
        Map<String, StoredDocument> files = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            for (List<String> group : List.of(early, late)) {
                String email = person("racer-" + (group == early ? "e" : "l") + i + "-" + tag + "@example.org", Role.FELLOW);
                files.put(email, as(email, () -> documents.store(DocumentPurpose.APPLICATION_ATTACHMENT, "f.md",
                        new ByteArrayInputStream("F".getBytes(StandardCharsets.UTF_8)))));
                group.add(email);
            }
        }
        OrganisationId host = SystemActor.call(() -> organisations.create(new NewOrganisation("Race host " + tag,
                OrganisationKind.HOST_INSTITUTION, "FI", null)));
        LocalDateTime deadline = LocalDateTime.now(BRUSSELS).plusSeconds(5);
        FellowshipCall call = openCall("race-" + tag, deadline);
        HostOffer offer = SystemActor.call(() -> calls.addOffer(call.id(), new OfferDraft(host, "Anything", "", "Dr. X", List.of(), 5,
                "Espoo", "FI")));
        ApplicantFacts facts = new ApplicantFacts("BR", List.of(new Residence("BR", LocalDate.of(2010, 1, 1), null)), PhdStatus.OBTAINED,
                LocalDate.now().minusYears(2), List.of());
        for (String email : files.keySet()) {
            as(email, () -> applications.save(call.id(), new ApplicationDraft("Plan", facts, List.of(offer.id()),
                    Map.of("CV", files.get(email).id(), "Research plan", files.get(email).id()))));
        }
        List<Object> before = Race.run(early.size(), n -> () -> submitOrReason(early.get(n), call));
        assertThat(before).allMatch(r -> r instanceof FellowshipApplication a && a.status() == FellowshipApplication.Status.SUBMITTED);

        java.time.Instant closes = deadline.atZone(BRUSSELS).toInstant();
        while (!java.time.Instant.now().isAfter(closes)) {
            Thread.sleep(100);
        }
        List<Object> after = Race.run(late.size(), n -> () -> submitOrReason(late.get(n), call));
        assertThat(after).allMatch("fellowship.late"::equals);
        assertThat(as(late.getFirst(), () -> applications.mine(call.id())).orElseThrow().status()).isEqualTo(FellowshipApplication.Status.DRAFT);
    }

    @Test
    void onlyAdministratorsWriteCallsAndDraftsStayHidden() throws Exception {
        assertThatThrownBy(() -> as("student@academy.test", () -> calls.create(callDraft("nope", LocalDateTime.now(BRUSSELS).plusDays(1)))))
                .isInstanceOf(AccessDeniedException.class);
        FellowshipCall draft = as("admin@academy.test", () -> calls.create(callDraft("hidden-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDateTime.now(BRUSSELS).plusDays(3))));
        assertThatThrownBy(() -> as("student@academy.test", () -> calls.bySlug(draft.slug()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("admin@academy.test", () -> calls.create(callDraft("Bad Slug!", LocalDateTime.now(BRUSSELS)))))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).field()).isEqualTo("slug");
    }

    private Object submitOrReason(String email, FellowshipCall call) throws Exception {
        try {
            return as(email, () -> applications.submit(call.id()));
        } catch (UserFacingException e) {
            return e.messageKey();
        }
    }

    private FellowshipCall openCall(String slug, LocalDateTime closes) throws Exception {
        return as("admin@academy.test", () -> calls.publish(calls.create(callDraft(slug, closes)).id()));
    }

    private static CallDraft callDraft(String slug, LocalDateTime closes) {
        return new CallDraft(slug, "AI researchers to Europe", Scheme.POSTDOCTORAL, "For researchers living outside the EU.",
                LocalDateTime.now(BRUSSELS).minusHours(1), closes, BRUSSELS, new BigDecimal("2400000"), "EUR", 12, 3, 5,
                new EligibilityRules(EligibilityRules.Nationality.NON_EU, 12, 36, EligibilityRules.CareerStage.PHD_WITHIN_YEARS, 8, 12, 36),
                List.of("CV", "Research plan"), List.of(new Criterion("Excellence", "Quality of the research", new BigDecimal("50")),
                new Criterion("Impact", "For the Academy and its learners", new BigDecimal("30")),
                new Criterion("Implementation", "Feasibility and plan", new BigDecimal("20"))));
    }

    private String person(String email, Role role) {
        People.create(registration, email, "Person " + email.substring(0, 6), role);
        return email;
    }

    private <T> T as(String email, Callable<T> work) throws Exception {
        return KaribuSupport.as(context, email, work);
    }
}
