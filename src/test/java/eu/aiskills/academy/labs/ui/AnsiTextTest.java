package eu.aiskills.academy.labs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsiTextTest {

    @Test
    void coloursBecomeSpansAndTheTextIsEscaped() {
        assertThat(AnsiText.html("\u001B[31mred\u001B[0m <b>&")).isEqualTo("<span class=\"ansi-fg-1\">red</span> &lt;b&gt;&amp;");
        assertThat(AnsiText.html("\u001B[1;92mok\u001B[22m still green\u001B[39m plain"))
                .isEqualTo("<span class=\"ansi-bold ansi-fg-10\">ok</span><span class=\"ansi-fg-10\"> still green</span> plain");
        assertThat(AnsiText.html("\u001B[44mbg\u001B[m")).isEqualTo("<span class=\"ansi-bg-4\">bg</span>");
    }

    @Test
    void extendedColoursAreInlineStylesOfNumbersOnly() {
        assertThat(AnsiText.html("\u001B[38;5;196mx")).isEqualTo("<span style=\"color:#ff0000;\">x</span>");
        assertThat(AnsiText.html("\u001B[38;2;1;2;3mx")).isEqualTo("<span style=\"color:#010203;\">x</span>");
        assertThat(AnsiText.html("\u001B[38;2;999;0;0mx")).as("out of range: no colour").isEqualTo("x");
    }

    @Test
    void otherEscapesAreDropped() {
        assertThat(AnsiText.html("a\u001B[2Kb\u001B]0;title\u0007c\u001B(Bd")).isEqualTo("abcd");
    }
}
