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
            case KernelOutput.Stream s -> new LabNotebook.Output(LabNotebook.OutputKind.STREAM, s.name(), s.text(), null, null, null);
            case KernelOutput.Result r -> data(LabNotebook.OutputKind.RESULT, r.data());
            case KernelOutput.Display d -> data(LabNotebook.OutputKind.DISPLAY, d.data());
            case KernelOutput.Error e -> new LabNotebook.Output(LabNotebook.OutputKind.ERROR, e.name(),
                    e.value() + "\n" + Notebook.plain(String.join("\n", e.traceback())), null, null, null);
            case KernelOutput.Clear c -> throw new IllegalArgumentException("clear_output is not an output");
            case KernelOutput.InputRequest i -> throw new IllegalArgumentException("input_request is not an output");
        };
    }

    private static LabNotebook.Output data(LabNotebook.OutputKind kind, java.util.Map<String, String> data) {
        return new LabNotebook.Output(kind, null, data.get("text/plain"), data.get("text/html"), png(data.get("image/png")),
                data.get("text/latex"));
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
