package eu.aiskills.academy.shared;

import java.util.Map;
import java.util.Set;

import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * TeX math in Markdown, as Jupyter and pandoc write it: {@code $…$} inline and {@code $$…$$}
 * displayed (inline, or as a block of its own lines). The rules are pandoc's, so that prices stay
 * text: an opening {@code $} is followed by a non-space, a closing one follows a non-space and is
 * not followed by a digit ("$5 and $10" is no formula); {@code \$} is a dollar. What is inside is
 * kept as written (no emphasis, no escapes) and rendered as {@code \(…\)} or {@code \[…\]} in a
 * {@code span}/{@code div} of class {@code math-inline}/{@code math-display}, which the page
 * typesets with MathJax ({@code frontend/scripts/academy-math.js}).
 * <p>commonmark has no maintained math extension for Java; this is its documented extension
 * point (ADR 0015).
 */
final class MarkdownMath implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    static final String INLINE_CLASS = "math-inline";
    static final String DISPLAY_CLASS = "math-display";

    /** A formula within a paragraph. */
    static final class InlineMath extends CustomNode {

        final String tex;
        final boolean display;

        InlineMath(String tex, boolean display) {
            this.tex = tex;
            this.display = display;
        }
    }

    /** A formula on lines of its own between {@code $$} lines. */
    static final class DisplayMath extends CustomBlock {

        final StringBuilder tex = new StringBuilder();
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.customInlineContentParserFactory(new InlineFactory());
        parser.customBlockParserFactory(new BlockFactory());
    }

    @Override
    public void extend(HtmlRenderer.Builder renderer) {
        renderer.nodeRendererFactory(MathRenderer::new);
    }

    private static final class InlineFactory implements InlineContentParserFactory {

        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return MarkdownMath::inline;
        }
    }

    private static ParsedInline inline(InlineParserState state) {
        Scanner scanner = state.scanner();
        scanner.next();
        boolean display = scanner.next('$');
        Position from = scanner.position();
        if (!display && (!scanner.hasNext() || Character.isWhitespace(scanner.peek()))) {
            return ParsedInline.none();
        }
        char previous = '$';
        while (scanner.hasNext()) {
            Position at = scanner.position();
            char c = scanner.peek();
            scanner.next();
            if (c == '\\' && scanner.hasNext()) {
                scanner.next();
                previous = 'x';
                continue;
            }
            if (c != '$') {
                previous = c;
                continue;
            }
            if (display) {
                if (scanner.next('$')) {
                    String tex = scanner.getSource(from, at).getContent();
                    return tex.isBlank() ? ParsedInline.none() : ParsedInline.of(new InlineMath(tex, true), scanner.position());
                }
                previous = c;
                continue;
            }
            boolean closes = !Character.isWhitespace(previous) && !(scanner.hasNext() && Character.isDigit(scanner.peek()));
            if (closes) {
                return ParsedInline.of(new InlineMath(scanner.getSource(from, at).getContent(), false), scanner.position());
            }
            previous = c;
        }
        return ParsedInline.none();
    }

    private static final class BlockFactory extends AbstractBlockParserFactory {

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            CharSequence line = state.getLine().getContent();
            int start = state.getNextNonSpaceIndex();
            String rest = line.subSequence(start, line.length()).toString().strip();
            if (!rest.startsWith("$$") || rest.length() > 2 && rest.substring(2).contains("$$")) {
                // "$$x$$" on one line is an inline formula of a paragraph.
                return BlockStart.none();
            }
            BlockParser parser = new BlockParser();
            parser.append(rest.substring(2));
            return BlockStart.of(parser).atIndex(line.length());
        }
    }

    private static final class BlockParser extends AbstractBlockParser {

        private final DisplayMath block = new DisplayMath();

        @Override
        public org.commonmark.node.Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            CharSequence line = state.getLine().getContent();
            String text = line.subSequence(state.getIndex(), line.length()).toString();
            int end = text.indexOf("$$");
            if (end >= 0) {
                append(text.substring(0, end));
                return BlockContinue.finished();
            }
            return BlockContinue.atIndex(state.getIndex());
        }

        @Override
        public void addLine(SourceLine line) {
            append(line.getContent().toString());
        }

        void append(String text) {
            if (text.isBlank()) {
                return;
            }
            if (!block.tex.isEmpty()) {
                block.tex.append('\n');
            }
            block.tex.append(text);
        }
    }

    private static final class MathRenderer implements NodeRenderer {

        private final HtmlWriter html;

        MathRenderer(HtmlNodeRendererContext context) {
            html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(InlineMath.class, DisplayMath.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof InlineMath math) {
                html.tag("span", Map.of("class", math.display ? DISPLAY_CLASS : INLINE_CLASS));
                html.text(math.display ? "\\[" + math.tex + "\\]" : "\\(" + math.tex + "\\)");
                html.tag("/span");
            } else if (node instanceof DisplayMath math) {
                html.line();
                html.tag("div", Map.of("class", DISPLAY_CLASS));
                html.text("\\[" + math.tex + "\\]");
                html.tag("/div");
                html.line();
            }
        }
    }

    /** The TeX of a formula node, for plain text (search, summaries); {@code null} for other nodes. */
    static String tex(Node node) {
        if (node instanceof InlineMath math) {
            return math.tex;
        }
        return node instanceof DisplayMath math ? math.tex.toString() : null;
    }
}
