package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.identity.AccountId;

/**
 * A learner's hand-in for an assignment: its number (1, 2… after each return for resubmission),
 * the text and files, when it came and whether that was after the due date; once graded, the
 * level picked per criterion, the score, whether it passed and the grader's feedback.
 * {@code RETURNED} asks the learner to hand in again; {@code GRADED} is final. Names are
 * display names, filled in by the service ({@code ""} from the store).
 */
public record Submission(UUID id, String assignmentSlug, AccountId learner, String learnerName, int number, String text,
                         List<HandedIn> files, Instant submittedAt, Instant dueAt, boolean late, Status status,
                         AccountId grader, String graderName, Instant gradedAt, Map<String, String> levels, BigDecimal score, Boolean passed,
                         String feedback) {

    public Submission {
        files = List.copyOf(files);
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    public enum Status {
        SUBMITTED, GRADED, RETURNED;

        public String messageKey() {
            return "assignment.status." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A file as it was handed in: its document, name, size and SHA-256 at that moment. */
    public record HandedIn(int position, DocumentId document, String fileName, long sizeBytes, String sha256) {
    }

    public boolean awaitingGrade() {
        return status == Status.SUBMITTED;
    }

    /** The same submission with its people's display names. */
    Submission named(Map<AccountId, String> names) {
        return new Submission(id, assignmentSlug, learner, names.getOrDefault(learner, "?"), number, text, files, submittedAt, dueAt, late,
                status, grader, grader == null ? null : names.getOrDefault(grader, "?"), gradedAt, levels, score, passed, feedback);
    }

    /** The same submission with its files. */
    public Submission withFiles(List<HandedIn> handedIn) {
        return new Submission(id, assignmentSlug, learner, learnerName, number, text, handedIn, submittedAt, dueAt, late, status, grader,
                graderName, gradedAt, levels, score, passed, feedback);
    }
}
