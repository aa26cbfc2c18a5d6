package eu.aiskills.academy.labs.internal;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;
import eu.aiskills.academy.shared.Notebook;

/** A kernel's messages as notebook outputs. */
public final class KernelOutputs {

    private KernelOutputs() {
    }

    public static LabNotebook.Output output(KernelOutput output) {
        return switch (output) {
            case KernelOutput.Stream s -> new LabNotebook.Output(LabNotebook.OutputKind.STREAM, s.name(), s.text(), null, null);
            case KernelOutput.Result r -> new LabNotebook.Output(LabNotebook.OutputKind.RESULT, null, r.data().get("text/plain"),
                    r.data().get("text/html"), png(r.data().get("image/png")));
            case KernelOutput.Display d -> new LabNotebook.Output(LabNotebook.OutputKind.DISPLAY, null, d.data().get("text/plain"),
                    d.data().get("text/html"), png(d.data().get("image/png")));
            case KernelOutput.Error e -> new LabNotebook.Output(LabNotebook.OutputKind.ERROR, e.name(),
                    e.value() + "\n" + Notebook.plain(String.join("\n", e.traceback())), null, null);
        };
    }

    /** A base64 PNG without whitespace, or {@code null} when it is not base64. */
    private static String png(String base64) {
        if (base64 == null) {
            return null;
        }
        String compact = base64.replaceAll("\\s", "");
        return compact.matches("[A-Za-z0-9+/=]+") ? compact : null;
    }
}
