package eu.aiskills.academy.labs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;
import org.junit.jupiter.api.Test;

class OutputAreaTest {

    private final OutputArea area = new OutputArea();

    private List<String> texts() {
        return area.outputs().stream().map(LabNotebook.Output::text).toList();
    }

    @Test
    void chunksOfOneStreamAreOneOutputAndAnotherStreamStartsAnother() {
        area.apply(new KernelOutput.Stream("stdout", "a"));
        area.apply(new KernelOutput.Stream("stdout", "b\n"));
        area.apply(new KernelOutput.Stream("stderr", "warning\n"));
        area.apply(new KernelOutput.Stream("stdout", "c\n"));
        assertThat(texts()).containsExactly("ab\n", "warning\n", "c\n");
    }

    @Test
    void carriageReturnsAndBackspacesActAsInATerminal() {
        area.apply(new KernelOutput.Stream("stdout", "\r 10%|#         |"));
        area.apply(new KernelOutput.Stream("stdout", "\r 50%|#####     |"));
        area.apply(new KernelOutput.Stream("stdout", "\r100%|##########|\n"));
        assertThat(texts()).containsExactly("100%|##########|\n");
        assertThat(OutputArea.append("", "abcdef\rXY")).as("what follows a return overwrites the line's start").isEqualTo("XYcdef");
        assertThat(OutputArea.append("", "ab\bc")).isEqualTo("ac");
        assertThat(OutputArea.append("", "line\r\nnext")).as("CR LF is a line end").isEqualTo("line\nnext");
        assertThat(OutputArea.append("done\nwait", "\r")).as("a trailing return waits for the next chunk").isEqualTo("done\nwait\r");
        assertThat(OutputArea.append("done\nwait\r", "go")).isEqualTo("done\ngoit");
    }

    @Test
    void aStreamPastItsLimitKeepsItsLastLinesAndSaysSo() {
        String line = "x".repeat(999) + "\n";
        String shown = "";
        for (int i = 0; i < 600; i++) {
            shown = OutputArea.append(shown, line);
        }
        assertThat(shown).startsWith(OutputArea.CUT).hasSizeLessThanOrEqualTo(OutputArea.MAX_STREAM_CHARS).endsWith(line);
        assertThat(shown.substring(OutputArea.CUT.length())).as("cut at a line's start").startsWith(line);
    }

    @Test
    void clearOutputWithWaitClearsWhenTheNextOutputComes() {
        area.apply(new KernelOutput.Stream("stdout", "frame 0\n"));
        assertThat(area.apply(new KernelOutput.Clear(true))).as("nothing shown changes yet").isFalse();
        assertThat(texts()).as("nothing flickers away before the next frame").containsExactly("frame 0\n");
        area.apply(new KernelOutput.Stream("stdout", "frame 1\n"));
        assertThat(texts()).containsExactly("frame 1\n");
        area.apply(new KernelOutput.Clear(false));
        assertThat(area.outputs()).isEmpty();
    }

    @Test
    void anUpdateReplacesWhatWasDisplayedUnderItsIdAndNothingElse() {
        area.apply(new KernelOutput.Display(Map.of("text/plain", "0%"), "bar", false));
        area.apply(new KernelOutput.Display(Map.of("text/plain", "other"), null, false));
        LabNotebook.Output other = area.outputs().get(1);
        area.apply(new KernelOutput.Display(Map.of("text/plain", "100%"), "bar", true));
        assertThat(area.apply(new KernelOutput.Display(Map.of("text/plain", "ignored"), "unknown", true))).isFalse();
        assertThat(texts()).containsExactly("100%", "other");
        assertThat(area.outputs().get(1)).as("an output that did not change is the same object").isSameAs(other);
    }

    @Test
    void anInputRequestIsAwaitedUntilTheNextOutput() {
        area.apply(new KernelOutput.InputRequest("Name? ", false));
        assertThat(area.input()).isEqualTo(new KernelOutput.InputRequest("Name? ", false));
        assertThat(area.outputs()).isEmpty();
        area.apply(new KernelOutput.Stream("stdout", "Name? Ada\n"));
        assertThat(area.input()).isNull();
    }
}
