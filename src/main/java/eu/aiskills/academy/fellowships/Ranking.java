package eu.aiskills.academy.fellowships;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import eu.aiskills.academy.fellowships.FellowshipReviews.Ranked;
import eu.aiskills.academy.fellowships.FellowshipReviews.Standing;

/**
 * A call's ranking from its reviews. Per criterion an application's score is the panel's
 * consensus when one was recorded, otherwise the mean of the submitted reviews (two decimals);
 * its weighted score is Σ weight × score / Σ weight (three decimals). Applications whose reviews
 * are complete (a full consensus, or every assigned review submitted) are ranked by weighted
 * score, then by the heaviest criterion, then by who submitted first; the first
 * {@code fundedPlaces} are funded, the others reserve. Incomplete ones are pending, unranked.
 */
final class Ranking {

    /**
     * What the reviews say of one application.
     *
     * @param consensus the panel's agreed score per criterion position, possibly for none
     * @param means     the mean of the submitted reviews per criterion position
     * @param assigned  reviews assigned
     * @param open      assigned reviews not yet submitted
     */
    record Reviews(FellowshipApplication application, Map<Integer, BigDecimal> consensus, Map<Integer, BigDecimal> means, int assigned,
                   int open) {
    }

    private Ranking() {
    }

    static List<Ranked> rank(List<Criterion> criteria, int fundedPlaces, List<Reviews> applications) {
        BigDecimal totalWeight = criteria.stream().map(Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        int heaviest = 0;
        for (int i = 1; i < criteria.size(); i++) {
            if (criteria.get(i).weight().compareTo(criteria.get(heaviest).weight()) > 0) {
                heaviest = i;
            }
        }
        record Line(FellowshipApplication application, List<BigDecimal> scores, BigDecimal weighted, boolean consensus, boolean complete) {
        }
        List<Line> lines = new ArrayList<>();
        for (Reviews reviews : applications) {
            boolean fullConsensus = reviews.consensus().size() == criteria.size();
            boolean complete = fullConsensus || (reviews.assigned() > 0 && reviews.open() == 0);
            List<BigDecimal> scores = new ArrayList<>();
            BigDecimal weighted = BigDecimal.ZERO;
            for (int i = 0; i < criteria.size(); i++) {
                BigDecimal score = reviews.consensus().getOrDefault(i, reviews.means().get(i));
                score = score == null ? BigDecimal.ZERO : score.setScale(2, RoundingMode.HALF_UP);
                scores.add(score);
                weighted = weighted.add(criteria.get(i).weight().multiply(score));
            }
            weighted = totalWeight.signum() == 0 ? BigDecimal.ZERO.setScale(3) : weighted.divide(totalWeight, 3, RoundingMode.HALF_UP);
            lines.add(new Line(reviews.application(), scores, weighted, fullConsensus, complete));
        }
        int tie = heaviest;
        Comparator<Line> order = Comparator.comparing((Line l) -> !l.complete())
                .thenComparing(Line::weighted, Comparator.reverseOrder());
        if (!criteria.isEmpty()) {
            order = order.thenComparing(l -> l.scores().get(tie), Comparator.reverseOrder());
        }
        lines.sort(order.thenComparing(l -> l.application().submittedAt()).thenComparing(l -> l.application().id().value()));
        List<Ranked> ranked = new ArrayList<>();
        int position = 0;
        for (Line line : lines) {
            Standing standing = !line.complete() ? Standing.PENDING : ++position <= fundedPlaces ? Standing.FUNDED : Standing.RESERVE;
            ranked.add(new Ranked(line.application().id(), line.application().applicant(), line.application().applicantName(),
                    line.complete() ? position : 0, line.scores(), line.weighted(), line.consensus(), standing,
                    line.application().submittedAt()));
        }
        return ranked;
    }
}
