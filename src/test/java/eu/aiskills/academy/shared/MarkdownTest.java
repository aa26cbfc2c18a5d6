package eu.aiskills.academy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersCommonMarkdown() {
        String html = Markdown.toSafeHtml("# Title\n\nSome *emphasis* and `code`.\n\n- one\n- two\n");
        assertThat(html).contains("<h1>Title</h1>", "<em>emphasis</em>", "<code>code</code>", "<li>one</li>");
    }

    @Test
    void dropsScriptsStylesAndEventHandlers() {
        String html = Markdown.toSafeHtml("""
                Hello <script>alert('x')</script>
                <img src="https://example.org/a.png" onerror="alert(1)">
                <style>body{display:none}</style>
                <iframe src="https://evil.example"></iframe>
                <a href="https://example.org" onclick="steal()">link</a>
                """);
        assertThat(html).doesNotContain("<script", "alert('x')", "onerror", "<style", "<iframe", "onclick")
                .contains("https://example.org/a.png", ">link</a>");
    }

    @Test
    void neutralisesJavascriptLinks() {
        String html = Markdown.toSafeHtml("[click](javascript:alert(1)) and <a href=\"JaVaScRiPt:alert(2)\">raw</a>");
        assertThat(html).doesNotContainIgnoringCase("javascript:");
        assertThat(html).contains("click", "raw");
    }

    @Test
    void keepsRelativeLinksAndCodeBlocks() {
        String html = Markdown.toSafeHtml("[next](/courses/x)\n\n```python\nprint('hi')\n```\n");
        assertThat(html).contains("href=\"/courses/x\"", "rel=\"nofollow noopener noreferrer\"",
                "<pre><code class=\"language-python\">");
    }

    @Test
    void rendersTablesAsTablesAndTheirTextWithoutPipes() {
        String table = """
                | model | accuracy |
                | :--- | ---: |
                | logistic | 0.91 |
                | forest | 0.94 |
                """;
        assertThat(Markdown.toSafeHtml(table)).contains("<table>", "<th align=\"left\">model</th>", "<td align=\"right\">0.94</td>")
                .doesNotContain("|");
        assertThat(Markdown.toPlainText(table)).isEqualTo("model accuracy logistic 0.91 forest 0.94");
    }

    @Test
    void keepsFormulasForTheBrowserToTypeset() {
        String html = Markdown.toSafeHtml("The loss is $L = -\\sum_i y_i \\log p_i$ and\n\n$$\n\\frac{a}{b} < 1\n$$\n");
        assertThat(html).as("what is inside a formula is not Markdown: underscores stay underscores")
                .contains("<span class=\"math-inline\">\\(L = -\\sum_i y_i \\log p_i\\)</span>")
                .contains("<div class=\"math-display\">\\[\\frac{a}{b} &lt; 1\\]</div>");
        assertThat(Markdown.toSafeHtml("Inline display $$E = mc^2$$ too")).contains("<span class=\"math-display\">\\[E = mc^2\\]</span>");
        assertThat(Markdown.toPlainText("The loss is $L_i$.")).isEqualTo("The loss is L_i.");
    }

    @Test
    void dollarsThatAreMoneyStayText() {
        assertThat(Markdown.toSafeHtml("It costs $5 and $10, or \\$3.")).doesNotContain("math-").contains("$5 and $10, or $3.");
        assertThat(Markdown.toSafeHtml("A $ alone, and `$x$` in code")).doesNotContain("math-").contains("<code>$x$</code>");
    }

    @Test
    void onlyTheFormulasClassesSurviveOnSpansAndDivs() {
        String html = Markdown.toSafeHtml("<span class=\"academy-admin-only\">x</span> <div class=\"math-inline\">y</div>");
        assertThat(html).doesNotContain("academy-admin-only").contains("<span>x</span>", "<div class=\"math-inline\">y</div>");
    }

    @Test
    void refusesOverlongText() {
        String huge = "a".repeat(Markdown.MAX_LENGTH + 1);
        assertThatThrownBy(() -> Markdown.toSafeHtml(huge))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("markdown.too-long");
    }

    @Test
    void plainTextHasNoMarkup() {
        assertThat(Markdown.toPlainText("**Bold** <b>and</b> [link](https://x.org)")).isEqualTo("Bold and link");
        assertThat(Markdown.toPlainText("""
                # Tensors

                A *tensor* is an array.
                Its `shape` matters.

                - first item
                - second item

                ```python
                x = torch.ones(3)
                ```

                <div><p>Raw <em>HTML</em> block</p><script>alert(1)</script></div>
                """)).isEqualTo("Tensors A tensor is an array. Its shape matters. first item second item x = torch.ones(3) "
                + "Raw HTML block");
        assertThat(Markdown.toPlainText("   ")).isEmpty();
        assertThat(Markdown.toPlainText(null)).isEmpty();
    }
}
