package eu.aiskills.academy.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.aiskills.academy.identity.AccountId;

/**
 * How a learner earned a course, as the modules that assessed them know it (passed quizzes,
 * graded labs), without enrolment depending on them: the course credential lists every item as
 * Open Badges 3.0 evidence, and a credential with at least one counts as earned through assessed
 * work. Implementations are Spring beans; they are asked as the platform.
 */
public interface CompletionEvidence {

    /** The learner's assessed work in the course, best attempt per item. */
    List<Item> of(AccountId learner, String courseSlug);

    /**
     * One assessed item: its genre ({@code Quiz}, {@code Lab}), name, when it was graded, its score
     * out of 100, and the facts a verifier may check, label to value, in the order to show them.
     */
    record Item(String genre, String name, Instant at, BigDecimal score, Map<String, String> facts) {
        public Item {
            facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }
    }
}
