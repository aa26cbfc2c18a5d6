package eu.aiskills.academy.labs;

import java.util.List;

/**
 * A lab notebook as the platform edits it: cells in order, each with its outputs.
 *
 * @param revision the saved revision it was read from (0 for a template)
 */
public record LabNotebook(int revision, List<Cell> cells) {

    public static final int MAX_CELLS = 400;
    public static final int MAX_CELL_CHARS = 100_000;

    public LabNotebook {
        cells = List.copyOf(cells);
    }

    public enum Kind { MARKDOWN, CODE, RAW }

    /**
     * One cell.
     *
     * @param id     stable within the notebook (nbformat 4.5 cell id)
     * @param locked a set-up cell learners run but do not edit
     */
    public record Cell(String id, Kind kind, String source, boolean locked, Integer executionCount, List<Output> outputs) {

        public Cell {
            outputs = List.copyOf(outputs);
        }

        public Cell withSource(String text) {
            return new Cell(id, kind, text, locked, executionCount, outputs);
        }

        public Cell withOutputs(Integer count, List<Output> results) {
            return new Cell(id, kind, source, locked, count, results);
        }

        /** The same text as another kind of cell (Jupyter's M and Y): a cell that changes kind loses its outputs. */
        public Cell withKind(Kind changed) {
            return changed == kind ? this : new Cell(id, changed, source, locked, null, List.of());
        }

        /** A copy under another id, as pasted (never locked: what a learner pastes is theirs). */
        public Cell copiedAs(String newId) {
            return new Cell(newId, kind, source, false, null, List.of());
        }
    }

    /** What a cell showed. */
    public enum OutputKind { STREAM, RESULT, DISPLAY, ERROR }

    /**
     * An output: {@code name} is the stream (stdout, stderr) or the exception's name; {@code text}
     * the plain text (an error's value and traceback without colours); {@code html} an HTML
     * representation if the kernel sent one (shown only after sanitising); {@code png} an image
     * as base64; {@code latex} a formula ({@code text/latex}, typeset on the page).
     */
    public record Output(OutputKind kind, String name, String text, String html, String png, String latex) {
    }

    public LabNotebook withCells(List<Cell> changed) {
        return new LabNotebook(revision, changed);
    }
}
