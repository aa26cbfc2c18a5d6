package eu.aiskills.academy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The platform's one nbformat reader and writer: what labs save, the catalogue shows and documents index. */
class NotebookTest {

    private static final String SAVED_BY_JUPYTER = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
             "cells": [
              {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Gradients\\n", "Slopes."]},
              {"cell_type": "code", "id": "setup", "metadata": {"tags": ["locked"]}, "execution_count": 3,
               "source": "import numpy as np\\nprint(np.ones(2))",
               "outputs": [
                {"output_type": "stream", "name": "stdout", "text": ["[1. 1.]\\n"]},
                {"output_type": "stream", "name": "stderr", "text": "careful\\n"},
                {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                 "data": {"text/plain": "6", "text/html": "<b>6</b>", "image/png": "iVBORw0K\\nGgo="}},
                {"output_type": "error", "ename": "ValueError", "evalue": "bad",
                 "traceback": ["\\u001b[0;31mValueError\\u001b[0m: bad", "  line 2"]},
                {"output_type": "widget_state"}
               ]},
              {"cell_type": "raw", "metadata": {}, "source": "as is"}
             ]}
            """;

    @Test
    void readsWhatJupyterSavesWithItsOutputsAndTagsAndWithoutColours() {
        Notebook notebook = Notebook.read(SAVED_BY_JUPYTER);
        assertThat(notebook.language()).isEqualTo("python");
        assertThat(notebook.cells()).extracting(Notebook.Cell::type)
                .containsExactly(Notebook.CellType.MARKDOWN, Notebook.CellType.CODE, Notebook.CellType.RAW);
        assertThat(notebook.cells().getFirst().source()).isEqualTo("# Gradients\nSlopes.");
        Notebook.Cell code = notebook.cells().get(1);
        assertThat(code.tags()).containsExactly("locked");
        assertThat(code.executionCount()).isEqualTo(3);
        assertThat(code.outputs()).extracting(Notebook.Output::type).containsExactly(Notebook.OutputType.STREAM,
                Notebook.OutputType.STREAM, Notebook.OutputType.RESULT, Notebook.OutputType.ERROR);
        assertThat(code.outputs()).extracting(Notebook.Output::error).containsExactly(false, true, false, true);
        Notebook.Output result = code.outputs().get(2);
        assertThat(result.text()).isEqualTo("6");
        assertThat(result.html()).isEqualTo("<b>6</b>");
        assertThat(result.pngBase64()).isEqualTo("iVBORw0KGgo=");
        assertThat(code.outputs().get(3).name()).isEqualTo("ValueError");
        assertThat(code.outputs().get(3).text()).isEqualTo("bad\nValueError: bad\n  line 2");
        assertThat(notebook.cells().get(2).id()).isEmpty();
    }

    @Test
    void whatItWritesReadsBackTheSame() {
        Notebook notebook = Notebook.read(SAVED_BY_JUPYTER);
        Notebook again = Notebook.read(notebook.write());
        assertThat(again).isEqualTo(notebook);
        assertThat(notebook.write()).contains("\"nbformat\" : 4", "\"nbformat_minor\" : 5");
    }

    @Test
    void anImageThatIsNotPlainBase64IsDropped() {
        String html = SAVED_BY_JUPYTER.replace("iVBORw0K\\nGgo=", "\\\"><script>");
        assertThat(Notebook.read(html).cells().get(1).outputs().get(2).pngBase64()).isNull();
    }

    @Test
    void whatIsNotANotebookIsRefusedWithAReason() {
        for (String text : List.of("{\"not\": \"a notebook\"}", "[1, 2]", "not json", "{\"nbformat\": 3, \"cells\": []}")) {
            assertThatThrownBy(() -> Notebook.read(text)).as(text)
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("notebook.unreadable"));
        }
        String deep = "{\"cells\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertThatThrownBy(() -> Notebook.read(deep)).isInstanceOf(UserFacingException.class);
        byte[] large = new byte[(int) Notebook.MAX_BYTES + 1];
        assertThatThrownBy(() -> Notebook.read(new ByteArrayInputStream(large)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("notebook.too-large"));
    }

    @Test
    void itsTextIsReadAsAStreamAndCutAtTheLimit() throws IOException {
        Notebook.Text text = Notebook.text(stream(SAVED_BY_JUPYTER), 10_000);
        assertThat(text.truncated()).isFalse();
        assertThat(text.text()).contains("# Gradients\nSlopes.", "import numpy as np", "[1. 1.]", "6").doesNotContain("<b>");
        Notebook.Text cut = Notebook.text(stream(SAVED_BY_JUPYTER), 12);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.text()).hasSize(12);
        assertThatThrownBy(() -> Notebook.text(stream("{\"cells\":" + "[".repeat(200) + "]".repeat(200) + "}"), 100))
                .isInstanceOf(IOException.class);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
