package eu.aiskills.academy.shared;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown written by people (lessons, postings, proposals) rendered to HTML that is safe to
 * show: commonmark renders, then jsoup keeps only an allow-list of elements and attributes,
 * so no script, event handler, style or {@code javascript:} link survives, whatever the input.
 */
public final class Markdown {

    /** Longest Markdown text accepted anywhere (about 200 pages of prose). */
    public static final int MAX_LENGTH = 500_000;

    private static final List<Extension> EXTENSIONS = List.of();
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(false)
            .sanitizeUrls(true)
            .build();

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "del", "s", "mark")
            .addAttributes("code", "class")
            .addAttributes("pre", "class")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .preserveRelativeLinks(true)
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private Markdown() {
    }

    /** Renders Markdown to sanitised HTML. */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (markdown.length() > MAX_LENGTH) {
            throw new UserFacingException("markdown.too-long", MAX_LENGTH);
        }
        String html = RENDERER.render(PARSER.parse(markdown));
        return sanitize(html);
    }

    /** Keeps only the allow-listed elements and attributes of an HTML fragment. */
    public static String sanitize(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, "https://academy.invalid/");
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** Plain text of a Markdown document, for summaries and search. */
    public static String toPlainText(String markdown) {
        return Jsoup.parse(toSafeHtml(markdown)).text();
    }
}
