package eu.aiskills.academy.labs.internal.kernel;

import java.util.List;
import java.util.Map;

/** What a kernel sends back while it runs a cell, in the order it sends it. */
public sealed interface KernelOutput {

    /** Text written to stdout or stderr. */
    record Stream(String name, String text) implements KernelOutput {
    }

    /** The value of the cell's last expression, by MIME type (text/plain, text/html, image/png as base64, ...). */
    record Result(int executionCount, Map<String, String> data) implements KernelOutput {
    }

    /**
     * Something displayed (a plot, a table), by MIME type. {@code displayId} names it when the code
     * may update it later ({@code display(..., display_id=True)}, tqdm's widgets); {@code update}
     * marks an {@code update_display_data}, which replaces what was shown under that id.
     */
    record Display(Map<String, String> data, String displayId, boolean update) implements KernelOutput {

        public Display(Map<String, String> data) {
            this(data, null, false);
        }
    }

    /** {@code clear_output}: the cell's outputs go, at once or ({@code untilNext}, wait=True) when the next one comes. */
    record Clear(boolean untilNext) implements KernelOutput {
    }

    /** {@code input_request}: the code waits for a line typed by the learner ({@code input()}, {@code getpass}). */
    record InputRequest(String prompt, boolean password) implements KernelOutput {
    }

    /** An exception, with the traceback as the kernel formats it (ANSI colours included). */
    record Error(String name, String value, List<String> traceback) implements KernelOutput {

        /** The traceback as plain text: IPython colours it with ANSI escape sequences. */
        public String plainTraceback() {
            return eu.aiskills.academy.shared.Notebook.plain(String.join("\n", traceback));
        }
    }
}
