package eu.aiskills.academy.fellowships;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import eu.aiskills.academy.fellowships.FellowshipReviews.Ranked;
import eu.aiskills.academy.fellowships.FellowshipReviews.Standing;
import eu.aiskills.academy.identity.AccountId;
import org.junit.jupiter.api.Test;

/** The ranking's arithmetic and order, without a database. */
class RankingTest {

    /** Excellence weighs 3, impact 1. */
    private static final List<Criterion> CRITERIA = List.of(new Criterion("Excellence", "", new BigDecimal("3")),
            new Criterion("Impact", "", BigDecimal.ONE));
    private static final Instant MORNING = Instant.parse("2027-03-01T09:00:00Z");

    @Test
    void weightedMeansOfSubmittedReviewsRankAndTheFundedPlacesAreFilledInOrder() {
        var ada = reviews("Ada", 0, Map.of(), Map.of(0, dec("4.5"), 1, dec("3")), 2, 0);
        var ben = reviews("Ben", 1, Map.of(), Map.of(0, dec("5"), 1, dec("1")), 2, 0);
        var cy = reviews("Cy", 2, Map.of(), Map.of(0, dec("2"), 1, dec("5")), 1, 0);

        List<Ranked> ranked = Ranking.rank(CRITERIA, 1, List.of(cy, ada, ben));

        // Ada (3×4.5 + 3) / 4 = 4.125; Ben (15 + 1) / 4 = 4; Cy (6 + 5) / 4 = 2.75.
        assertThat(ranked).extracting(Ranked::applicantName).containsExactly("Ada", "Ben", "Cy");
        assertThat(ranked).extracting(Ranked::weighted).containsExactly(dec("4.125"), dec("4.000"), dec("2.750"));
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3);
        assertThat(ranked).extracting(Ranked::standing).containsExactly(Standing.FUNDED, Standing.RESERVE, Standing.RESERVE);
        assertThat(ranked.getFirst().perCriterion()).containsExactly(dec("4.50"), dec("3.00"));
    }

    @Test
    void aConsensusOverridesTheMeansAndIncompleteReviewsArePendingAndUnranked() {
        var agreed = reviews("Agreed", 0, Map.of(0, dec("5"), 1, dec("5")), Map.of(0, dec("1"), 1, dec("1")), 2, 1);
        var waiting = reviews("Waiting", 1, Map.of(), Map.of(0, dec("5"), 1, dec("5")), 3, 1);
        var unassigned = reviews("Unassigned", 2, Map.of(), Map.of(), 0, 0);

        List<Ranked> ranked = Ranking.rank(CRITERIA, 5, List.of(waiting, unassigned, agreed));

        assertThat(ranked.getFirst().applicantName()).isEqualTo("Agreed");
        assertThat(ranked.getFirst().consensus()).as("a full consensus completes it, open reviews or not").isTrue();
        assertThat(ranked.getFirst().weighted()).isEqualByComparingTo("5");
        assertThat(ranked.subList(1, 3)).extracting(Ranked::standing).containsOnly(Standing.PENDING);
        assertThat(ranked.subList(1, 3)).extracting(Ranked::rank).containsOnly(0);
    }

    @Test
    void tiesGoToTheHeaviestCriterionThenToWhoSubmittedFirst() {
        // All three weigh 14 / 4 = 3.5; Light is weaker on excellence, Late submitted after Heavy.
        var light = reviews("Light", 0, Map.of(), Map.of(0, dec("3"), 1, dec("5")), 1, 0);
        var heavy = reviews("Heavy", 1, Map.of(), Map.of(0, dec("3.5"), 1, dec("3.5")), 1, 0);
        var late = reviews("Late", 3, Map.of(), Map.of(0, dec("3.5"), 1, dec("3.5")), 1, 0);

        List<Ranked> ranked = Ranking.rank(CRITERIA, 2, List.of(late, light, heavy));

        assertThat(ranked).extracting(Ranked::weighted).containsOnly(dec("3.500"));
        assertThat(ranked).extracting(Ranked::applicantName).containsExactly("Heavy", "Late", "Light");
        assertThat(ranked).extracting(Ranked::standing).containsExactly(Standing.FUNDED, Standing.FUNDED, Standing.RESERVE);
    }

    private static Ranking.Reviews reviews(String name, int minutesAfter, Map<Integer, BigDecimal> consensus, Map<Integer, BigDecimal> means,
                                           int assigned, int open) {
        FellowshipApplication application = new FellowshipApplication(FellowshipApplicationId.random(), FellowshipCallId.random(), AccountId.random(), name,
                FellowshipApplication.Status.SUBMITTED, "", ApplicantFacts.empty(), List.of(), List.of(),
                MORNING.plusSeconds(60L * minutesAfter), "", MORNING);
        return new Ranking.Reviews(application, consensus, means, assigned, open);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
