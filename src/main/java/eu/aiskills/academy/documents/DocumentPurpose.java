package eu.aiskills.academy.documents;

import java.util.EnumSet;
import java.util.Set;

import static eu.aiskills.academy.documents.DocumentKind.HTML;
import static eu.aiskills.academy.documents.DocumentKind.MARKDOWN;
import static eu.aiskills.academy.documents.DocumentKind.NOTEBOOK;
import static eu.aiskills.academy.documents.DocumentKind.OPENDOCUMENT_PRESENTATION;
import static eu.aiskills.academy.documents.DocumentKind.OPENDOCUMENT_TEXT;
import static eu.aiskills.academy.documents.DocumentKind.PDF;
import static eu.aiskills.academy.documents.DocumentKind.POWERPOINT;
import static eu.aiskills.academy.documents.DocumentKind.TEXT;
import static eu.aiskills.academy.documents.DocumentKind.WORD;

/** What a file is for decides which kinds and how large it may be. */
public enum DocumentPurpose {
    /** Slides, readings and notebooks instructors attach to courses. */
    COURSE_MATERIAL(50L * 1024 * 1024, EnumSet.of(PDF, WORD, POWERPOINT, OPENDOCUMENT_TEXT, OPENDOCUMENT_PRESENTATION, HTML,
            MARKDOWN, NOTEBOOK, TEXT)),
    /** A candidate's or applicant's CV. */
    CV(10L * 1024 * 1024, EnumSet.of(PDF, WORD, OPENDOCUMENT_TEXT, MARKDOWN, TEXT)),
    /** Documents attached to an application (proposal, letters, certificates). */
    APPLICATION_ATTACHMENT(20L * 1024 * 1024, EnumSet.of(PDF, WORD, OPENDOCUMENT_TEXT, POWERPOINT, MARKDOWN, TEXT)),
    /** Work a learner hands in for an assignment (kept while a submission holds it: {@link DocumentUse}). */
    ASSIGNMENT(20L * 1024 * 1024, EnumSet.of(PDF, WORD, OPENDOCUMENT_TEXT, POWERPOINT, OPENDOCUMENT_PRESENTATION, MARKDOWN, NOTEBOOK,
            TEXT));

    private final long maxBytes;
    private final Set<DocumentKind> kinds;

    DocumentPurpose(long maxBytes, Set<DocumentKind> kinds) {
        this.maxBytes = maxBytes;
        this.kinds = kinds;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Set<DocumentKind> kinds() {
        return kinds;
    }

    public boolean accepts(DocumentKind kind) {
        return kinds.contains(kind);
    }

    /** "PDF, Word (.docx), …": what this purpose accepts, as one message argument. */
    public eu.aiskills.academy.shared.MessageRef.ListOf acceptedKinds() {
        return eu.aiskills.academy.shared.MessageRef.ListOf.of(kinds.stream()
                .map(k -> eu.aiskills.academy.shared.MessageRef.of(k.messageKey())).toList());
    }

    public String messageKey() {
        return "documents.purpose." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
