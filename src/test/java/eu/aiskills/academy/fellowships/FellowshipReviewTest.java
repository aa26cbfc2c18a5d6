package eu.aiskills.academy.fellowships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.fellowships.ApplicantFacts.PhdStatus;
import eu.aiskills.academy.fellowships.ApplicantFacts.Residence;
import eu.aiskills.academy.fellowships.FellowshipReviews.CriterionScore;
import eu.aiskills.academy.fellowships.FellowshipReviews.Standing;
import eu.aiskills.academy.identity.AccountId;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Review to placement: a panel with a conflicted reviewer, scores hidden from other reviewers
 * until each submits, the chair's consensus, the ranking with its funded cut-off released to
 * applicants, the stable placement explained, a decline that moves the reserve in.
 */
@AcademyTest
class FellowshipReviewTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Autowired
    FellowshipCalls calls;
    @Autowired
    FellowshipApplications applications;
    @Autowired
    FellowshipReviews reviews;
    @Autowired
    FellowshipPlacements placements;
    @Autowired
    Documents documents;
    @Autowired
    Registration registration;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    eu.aiskills.academy.catalogue.Catalogue catalogue;
    @Autowired
    eu.aiskills.academy.shell.Notifications notifications;
    @Autowired
    ApplicationContext context;

    @Test
    void twoReviewersScoreTheRankingFundsTwoAndTheMatchingPlacesThem() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        AccountId conflicted = person("r1-" + tag, Role.REVIEWER);
        AccountId second = person("r2-" + tag, Role.REVIEWER);
        AccountId chair = person("r3-" + tag, Role.REVIEWER);
        AccountId notReviewer = person("nr-" + tag, Role.STUDENT);
        Map<String, AccountId> applicants = new LinkedHashMap<>();
        Map<String, StoredDocument> files = new LinkedHashMap<>();
        for (String name : List.of("ada", "ben", "cai")) {
            applicants.put(name, person(name + "-" + tag, Role.FELLOW));
            files.put(name, as(name + "-" + tag, () -> documents.store(DocumentPurpose.APPLICATION_ATTACHMENT, name + ".md",
                    new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)))));
        }
        OrganisationId alpha = SystemActor.call(() -> {
            OrganisationId id = organisations.create(new NewOrganisation("Alpha institute " + tag, OrganisationKind.HOST_INSTITUTION, "DE", null));
            organisations.addMember(id, "r1-" + tag + "@example.org", MembershipRole.MEMBER);
            return id;
        });
        OrganisationId beta = SystemActor.call(() -> organisations.create(new NewOrganisation("Beta lab " + tag, OrganisationKind.UNIVERSITY,
                "FR", null)));
        LocalDateTime deadline = LocalDateTime.now(BRUSSELS).plusSeconds(6);
        FellowshipCall call = as("admin", () -> calls.publish(calls.create(new CallDraft("review-" + tag, "Review test", Scheme.POSTDOCTORAL,
                "Test.", LocalDateTime.now(BRUSSELS).minusHours(1), deadline, BRUSSELS, new BigDecimal("500000"), "EUR", 2, 2, 10,
                new EligibilityRules(EligibilityRules.Nationality.NON_EU, null, null, EligibilityRules.CareerStage.ANY, null, null, null),
                List.of("CV"), List.of(new Criterion("Excellence", "", new BigDecimal("60")), new Criterion("Impact", "", new BigDecimal("40")))))
                .id()));
        HostOffer a = SystemActor.call(() -> calls.addOffer(call.id(), new OfferDraft(alpha, "Alpha topic", "", "Dr. A", List.of(), 1, "Bonn", "DE")));
        HostOffer b = SystemActor.call(() -> calls.addOffer(call.id(), new OfferDraft(beta, "Beta topic", "", "Dr. B", List.of(), 1, "Lyon", "FR")));
        Map<String, List<UUID>> choices = Map.of("ada", List.of(a.id(), b.id()), "ben", List.of(a.id()), "cai", List.of(b.id(), a.id()));
        Map<String, FellowshipApplicationId> ids = new LinkedHashMap<>();
        for (String name : applicants.keySet()) {
            ids.put(name, as(name + "-" + tag, () -> {
                applications.save(call.id(), new ApplicationDraft("Plan of " + name, new ApplicantFacts("KE",
                        List.of(new Residence("KE", LocalDate.of(2010, 1, 1), null)), PhdStatus.OBTAINED, LocalDate.of(2022, 1, 1), List.of()),
                        choices.get(name), Map.of("CV", files.get(name).id())));
                return applications.submit(call.id()).id();
            }));
        }
        while (!Instant.now().isAfter(deadline.atZone(BRUSSELS).toInstant())) {
            Thread.sleep(100);
        }

        // The panel; a member of a chosen host's organisation never reviews those applications.
        as("admin", () -> {
            reviews.addToPanel(call.id(), conflicted, false);
            reviews.addToPanel(call.id(), second, false);
            reviews.addToPanel(call.id(), chair, true);
            assertThatThrownBy(() -> reviews.addToPanel(call.id(), notReviewer, false)).isInstanceOf(UserFacingException.class);
            assertThat(reviews.assign(call.id(), 2)).isEmpty();
            assertThatThrownBy(() -> reviews.assignOne(ids.get("ada"), conflicted)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("fellowship.review.conflict");
            return null;
        });
        assertThat(as("r1-" + tag, reviews::myAssignments)).as("conflicted with every applicant: all chose Alpha").isEmpty();
        assertThat(as("r2-" + tag, reviews::myAssignments)).hasSize(3);
        assertThatThrownBy(() -> as("r1-" + tag, () -> reviews.sheet(ids.get("ada")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("ada-" + tag, () -> reviews.sheet(ids.get("ada")))).as("applicants never read reviews")
                .isInstanceOf(AccessDeniedException.class);

        // Scores: Ben best, then Ada, then Cai. The chair submits first; the second reviewer sees that only after submitting.
        Map<String, int[]> chairScores = Map.of("ada", new int[] {7, 6}, "ben", new int[] {9, 8}, "cai", new int[] {5, 5});
        Map<String, int[]> secondScores = Map.of("ada", new int[] {8, 7}, "ben", new int[] {9, 9}, "cai", new int[] {6, 4});
        for (String name : ids.keySet()) {
            as("r3-" + tag, () -> {
                reviews.score(ids.get(name), scores(chairScores.get(name)));
                return reviews.submitReview(ids.get(name));
            });
        }
        FellowshipReviews.ReviewSheet before = as("r2-" + tag, () -> reviews.score(ids.get("ada"), scores(secondScores.get("ada"))));
        assertThat(before.others()).as("hidden until the reviewer submits").isEmpty();
        assertThatThrownBy(() -> as("r2-" + tag, () -> reviews.score(ids.get("ada"), List.of(new CriterionScore(0, new BigDecimal("11"), "")))))
                .hasMessageContaining("fellowship.review.score-range");
        FellowshipReviews.ReviewSheet after = as("r2-" + tag, () -> reviews.submitReview(ids.get("ada")));
        assertThat(after.others()).singleElement().satisfies(o -> assertThat(o.scores()).extracting(CriterionScore::score)
                .containsExactly(new BigDecimal("7.00"), new BigDecimal("6.00")));
        assertThatThrownBy(() -> as("r2-" + tag, () -> reviews.score(ids.get("ada"), scores(new int[] {1, 1}))))
                .as("submitted is final").hasMessageContaining("fellowship.review.already-submitted");
        for (String name : List.of("ben", "cai")) {
            as("r2-" + tag, () -> {
                reviews.score(ids.get(name), scores(secondScores.get(name)));
                return reviews.submitReview(ids.get(name));
            });
        }
        assertThatThrownBy(() -> as("r2-" + tag, () -> {
            reviews.consensus(ids.get("ada"), scores(new int[] {8, 7}));
            return null;
        })).as("only the chair").isInstanceOf(AccessDeniedException.class);
        as("r3-" + tag, () -> {
            reviews.consensus(ids.get("ada"), scores(new int[] {8, 6}));
            return null;
        });

        List<FellowshipReviews.Ranked> ranking = as("admin", () -> reviews.ranking(call.id()));
        assertThat(ranking).extracting(FellowshipReviews.Ranked::application).containsExactly(ids.get("ben"), ids.get("ada"), ids.get("cai"));
        assertThat(ranking).extracting(FellowshipReviews.Ranked::standing).containsExactly(Standing.FUNDED, Standing.FUNDED, Standing.RESERVE);
        assertThat(ranking.get(1).consensus()).isTrue();
        assertThat(ranking.get(1).weighted()).isEqualByComparingTo("7.2");
        assertThat(as("cai-" + tag, () -> reviews.myResult(call.id()))).as("nothing before release").isEmpty();
        as("admin", () -> {
            reviews.releaseRanking(call.id());
            return null;
        });
        assertThat(as("cai-" + tag, () -> reviews.myResult(call.id())).orElseThrow().standing()).isEqualTo(Standing.RESERVE);

        // Alpha's members order who chose it (here as the panel did); others may not.
        List<FellowshipPlacements.Candidate> chose = as("r1-" + tag, () -> placements.applicantsFor(a.id()));
        assertThat(chose).extracting(FellowshipPlacements.Candidate::application)
                .containsExactlyInAnyOrder(ids.get("ada"), ids.get("ben"), ids.get("cai"));
        assertThatThrownBy(() -> as("r2-" + tag, () -> placements.applicantsFor(a.id()))).isInstanceOf(AccessDeniedException.class);
        as("r1-" + tag, () -> {
            assertThatThrownBy(() -> placements.rankApplicants(b.id(), List.of(ids.get("ada")))).isInstanceOf(AccessDeniedException.class);
            placements.rankApplicants(a.id(), List.of(ids.get("ben"), ids.get("ada"), ids.get("cai")));
            return null;
        });

        // Matching: Ben (ranked first) takes Alpha's one place; Ada gets her second choice, told Alpha was full.
        List<FellowshipPlacements.Placement> placed = as("admin", () -> placements.match(call.id(), Duration.ofDays(7)));
        assertThat(placed).hasSize(2);
        FellowshipPlacements.Placement ada = as("ada-" + tag, () -> placements.mine(call.id())).orElseThrow();
        assertThat(ada.offer()).isEqualTo(b.id());
        assertThat(ada.choice()).isEqualTo(2);
        assertThat(ada.fullBefore()).containsEntry("Alpha topic", 1);
        assertThat(as("ben-" + tag, () -> placements.mine(call.id())).orElseThrow().offer()).isEqualTo(a.id());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> as("ada-" + tag, notifications::mine).stream()
                .map(n -> n.messageKey()).toList().containsAll(List.of("notification.ranking-released", "notification.placement-offered")));
        assertThat(as("cai-" + tag, () -> placements.mine(call.id()))).isEmpty();

        // Ada declines: her place goes to Cai, the first reserve; Ben accepts.
        as("ada-" + tag, () -> placements.respond(ada.id(), false));
        FellowshipPlacements.Placement cai = as("cai-" + tag, () -> placements.mine(call.id())).orElseThrow();
        assertThat(cai.offer()).isEqualTo(b.id());
        assertThat(cai.round()).isEqualTo(2);
        FellowshipPlacements.Placement ben = as("ben-" + tag, () -> placements.mine(call.id())).orElseThrow();
        assertThat(as("ben-" + tag, () -> placements.respond(ben.id(), true)).status()).isEqualTo(FellowshipPlacements.Status.ACCEPTED);
        assertThatThrownBy(() -> as("cai-" + tag, () -> placements.respond(ben.id(), false))).as("only one's own placement")
                .isInstanceOf(NotFoundException.class);

        // The fellow in post teaches: co-instructor of a course, shown on the course page and their profile.
        assertThatThrownBy(() -> as("admin", () -> {
            placements.assignTeaching(cai.id(), "ml-with-scikit-learn");
            return null;
        })).as("not accepted yet").hasMessageContaining("fellowship.teaching.not-accepted");
        as("admin", () -> {
            placements.assignTeaching(ben.id(), "ml-with-scikit-learn");
            return null;
        });
        assertThat(catalogue.publishedCourse("ml-with-scikit-learn").orElseThrow().coInstructors()).contains("Person ben-" + tag);
        assertThat(as("ben-" + tag, () -> catalogue.teaches(catalogue.publishedCourse("ml-with-scikit-learn").orElseThrow().summary().id())))
                .isTrue();
        assertThat(as("ben-" + tag, placements::myFellowships)).singleElement().satisfies(f -> {
            assertThat(f.offerTopic()).isEqualTo("Alpha topic");
            assertThat(f.teaching()).extracting(c -> c.slug()).containsExactly("ml-with-scikit-learn");
        });
    }

    private static List<CriterionScore> scores(int[] values) {
        return List.of(new CriterionScore(0, BigDecimal.valueOf(values[0]), "Excellence comment"),
                new CriterionScore(1, BigDecimal.valueOf(values[1]), "Impact comment"));
    }

    private AccountId person(String name, Role role) {
        return People.create(registration, name + "@example.org", "Person " + name, role);
    }

    private <T> T as(String name, Callable<T> work) throws Exception {
        return KaribuSupport.as(context, name.equals("admin") ? "admin@academy.test" : name + "@example.org", work);
    }
}
