package eu.aiskills.academy.documents;

import java.util.List;
import java.util.Set;

/**
 * The kinds of file the platform accepts, recognised by their content. Each lists the media
 * types that content detection may yield for it and the file name extensions people know it by.
 */
public enum DocumentKind {
    PDF(Set.of("application/pdf"), List.of(".pdf")),
    WORD(Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), List.of(".docx")),
    POWERPOINT(Set.of("application/vnd.openxmlformats-officedocument.presentationml.presentation"), List.of(".pptx")),
    OPENDOCUMENT_TEXT(Set.of("application/vnd.oasis.opendocument.text"), List.of(".odt")),
    OPENDOCUMENT_PRESENTATION(Set.of("application/vnd.oasis.opendocument.presentation"), List.of(".odp")),
    HTML(Set.of("text/html", "application/xhtml+xml"), List.of(".html", ".htm")),
    MARKDOWN(Set.of("text/x-web-markdown", "text/markdown"), List.of(".md")),
    NOTEBOOK(Set.of("application/x-ipynb+json"), List.of(".ipynb")),
    TEXT(Set.of("text/plain"), List.of(".txt"));

    private final Set<String> mediaTypes;
    private final List<String> extensions;

    DocumentKind(Set<String> mediaTypes, List<String> extensions) {
        this.mediaTypes = mediaTypes;
        this.extensions = extensions;
    }

    public Set<String> mediaTypes() {
        return mediaTypes;
    }

    public List<String> extensions() {
        return extensions;
    }

    public String messageKey() {
        return "documents.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<DocumentKind> of(String mediaType) {
        for (DocumentKind kind : values()) {
            if (kind.mediaTypes.contains(mediaType)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
