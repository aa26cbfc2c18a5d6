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
