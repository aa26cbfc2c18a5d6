package eu.aiskills.academy.shared;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
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
 * GitHub's tables (commonmark's GFM tables extension) and TeX math ({@link MarkdownMath}, typeset
 * on the page) are part of the language, as in Jupyter.
 */
public final class Markdown {

    /** Longest Markdown text accepted anywhere (about 200 pages of prose). */
    public static final int MAX_LENGTH = 500_000;

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), new MarkdownMath());
    /** The only classes kept on a {@code span} or {@code div}: the formulas' (written by the renderer, or by hand). */
    private static final java.util.Set<String> CLASSES = java.util.Set.of(MarkdownMath.INLINE_CLASS, MarkdownMath.DISPLAY_CLASS);
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
            .addAttributes("span", "class")
            .addAttributes("div", "class")
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
        clean.select("span[class], div[class]").forEach(element -> {
            if (!CLASSES.contains(element.className())) {
                element.removeAttr("class");
            }
        });
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /**
     * Plain text of a Markdown document, for summaries and search: the words of its text and
     * code, one space between them, without markup. It walks the parsed document instead of
     * rendering and re-parsing HTML (search rebuilds convert every lesson).
     */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (markdown.length() > MAX_LENGTH) {
            throw new UserFacingException("markdown.too-long", MAX_LENGTH);
        }
        PlainText text = new PlainText(markdown.length());
        PARSER.parse(markdown).accept(text);
        return text.toString();
    }

    private static final class PlainText extends AbstractVisitor {

        private final StringBuilder out;

        PlainText(int capacity) {
            out = new StringBuilder(capacity);
        }

        private void add(String words) {
            if (words == null || words.isBlank()) {
                return;
            }
            if (!out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1))
                    && !Character.isWhitespace(words.charAt(0))) {
                out.append(' ');
            }
            out.append(words);
        }

        private void gap() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock block) {
            add(block.getLiteral());
            gap();
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            add(block.getLiteral());
            gap();
        }

        @Override
        public void visit(HtmlBlock block) {
            add(Jsoup.parseBodyFragment(block.getLiteral()).text());
            gap();
        }

        @Override
        public void visit(HtmlInline html) {
            // A tag only; the text around it is visited as text.
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            gap();
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            gap();
        }

        @Override
        public void visit(Paragraph paragraph) {
            gap();
            visitChildren(paragraph);
            gap();
        }

        @Override
        public void visit(Heading heading) {
            gap();
            visitChildren(heading);
            gap();
        }

        @Override
        public void visit(CustomNode node) {
            String tex = MarkdownMath.tex(node);
            if (tex != null) {
                add(tex);
            } else if (node instanceof TableCell) {
                gap();
                visitChildren(node);
                gap();
            } else {
                visitChildren(node);
            }
        }

        @Override
        public void visit(CustomBlock block) {
            String tex = MarkdownMath.tex(block);
            gap();
            if (tex != null) {
                add(tex);
            } else {
                visitChildren(block);
            }
            gap();
        }

        @Override
        public void visit(ListItem item) {
            gap();
            visitChildren(item);
            gap();
        }

        @Override
        public String toString() {
            // One space for every run of white space (code blocks keep their line breaks otherwise).
            // On a char array: this runs for every lesson of every course a search rebuild indexes.
            char[] in = new char[out.length()];
            out.getChars(0, in.length, in, 0);
            char[] text = new char[in.length];
            int length = 0;
            boolean space = true;
            for (char c : in) {
                if (Character.isWhitespace(c)) {
                    if (!space) {
                        text[length++] = ' ';
                        space = true;
                    }
                } else {
                    text[length++] = c;
                    space = false;
                }
            }
            if (length > 0 && text[length - 1] == ' ') {
                length--;
            }
            return new String(text, 0, length);
        }
    }
}
