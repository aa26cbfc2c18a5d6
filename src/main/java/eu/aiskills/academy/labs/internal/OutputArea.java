package eu.aiskills.academy.labs.internal;

import java.util.ArrayList;
import java.util.List;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;

/**
 * A running cell's outputs as a notebook keeps them, built from the kernel's messages in order:
 * consecutive chunks of one stream are one output, with carriage returns and backspaces applied
 * as a terminal would (a tqdm bar stays one line); {@code clear_output} empties the area, at once
 * or when the next output comes ({@code wait=True}, so a live plot does not flicker);
 * {@code update_display_data} replaces what was displayed under its id; an {@code input_request}
 * is what the cell waits for. Not thread-safe: the kernel's messages come one at a time.
 */
public final class OutputArea {

    /** The most one stream output keeps: past it, the earliest lines go and {@link #CUT} marks the cut. */
    public static final int MAX_STREAM_CHARS = 500_000;
    /** The first line of a stream whose earliest lines were not kept. */
    public static final String CUT = "[…]\n";

    private final List<LabNotebook.Output> outputs = new ArrayList<>();
    /** The display id of each output ({@code null} for most), parallel to {@link #outputs}. */
    private final List<String> displayIds = new ArrayList<>();
    private boolean clearBeforeNext;
    private KernelOutput.InputRequest input;

    /** Takes one message of the kernel; false when nothing shown changed (a clear that waits, an update of no display). */
    public boolean apply(KernelOutput output) {
        if (output instanceof KernelOutput.Clear clear) {
            if (clear.untilNext()) {
                clearBeforeNext = true;
                return false;
            }
            boolean shown = !outputs.isEmpty();
            clear();
            return shown;
        }
        if (output instanceof KernelOutput.Display display && display.update()) {
            LabNotebook.Output shown = KernelOutputs.output(display);
            boolean found = false;
            for (int i = 0; i < outputs.size(); i++) {
                if (display.displayId() != null && display.displayId().equals(displayIds.get(i))) {
                    outputs.set(i, shown);
                    found = true;
                }
            }
            return found;
        }
        if (clearBeforeNext) {
            clear();
        }
        input = null;
        switch (output) {
            case KernelOutput.Stream stream -> stream(stream);
            case KernelOutput.InputRequest request -> input = request;
            default -> add(KernelOutputs.output(output), output instanceof KernelOutput.Display d ? d.displayId() : null);
        }
        return true;
    }

    /** The outputs now, in order (outputs that did not change are the same objects as before). */
    public List<LabNotebook.Output> outputs() {
        return List.copyOf(outputs);
    }

    /** The input the cell waits for, or {@code null}. */
    public KernelOutput.InputRequest input() {
        return input;
    }

    private void clear() {
        outputs.clear();
        displayIds.clear();
        clearBeforeNext = false;
    }

    private void add(LabNotebook.Output output, String displayId) {
        outputs.add(output);
        displayIds.add(displayId);
    }

    private void stream(KernelOutput.Stream stream) {
        int last = outputs.size() - 1;
        LabNotebook.Output previous = last < 0 ? null : outputs.get(last);
        if (previous != null && previous.kind() == LabNotebook.OutputKind.STREAM && stream.name().equals(previous.name())) {
            outputs.set(last, new LabNotebook.Output(LabNotebook.OutputKind.STREAM, stream.name(), append(previous.text(), stream.text()),
                    null, null, null));
        } else {
            add(new LabNotebook.Output(LabNotebook.OutputKind.STREAM, stream.name(), append("", stream.text()), null, null, null), null);
        }
    }

    /**
     * {@code shown} (already processed) followed by {@code chunk}, with {@code \r} and {@code \b}
     * applied as a terminal does: a carriage return goes back to the start of the line and what
     * follows overwrites it. Only the last line of {@code shown} can change; a trailing {@code \r}
     * is kept so that the next chunk overwrites that line.
     */
    static String append(String shown, String chunk) {
        int lineStart = shown.lastIndexOf('\n') + 1;
        String text = shown.substring(0, lineStart) + terminal(shown.substring(lineStart) + chunk.replace("\r\n", "\n"));
        if (text.length() <= MAX_STREAM_CHARS) {
            return text;
        }
        String kept = text.substring(text.length() - MAX_STREAM_CHARS + CUT.length());
        int nextLine = kept.indexOf('\n');
        return CUT + (nextLine >= 0 && nextLine < kept.length() - 1 ? kept.substring(nextLine + 1) : kept);
    }

    private static String terminal(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\b') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> {
                    out.append(line).append('\n');
                    line.setLength(0);
                    column = 0;
                }
                case '\r' -> column = 0;
                case '\b' -> column = Math.max(0, column - 1);
                default -> {
                    if (column < line.length()) {
                        line.setCharAt(column, c);
                    } else {
                        line.append(c);
                    }
                    column++;
                }
            }
        }
        out.append(line);
        if (text.endsWith("\r") && !line.isEmpty()) {
            out.append('\r');
        }
        return out.toString();
    }
}
