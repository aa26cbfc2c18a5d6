package eu.aiskills.academy.labs.internal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import eu.aiskills.academy.labs.LabsProperties;
import eu.aiskills.academy.labs.internal.kernel.Execution;
import eu.aiskills.academy.labs.internal.kernel.KernelClient;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;

/** A real sandbox with a real kernel in it, for tests: run code, read what it printed. */
final class TestSandbox implements AutoCloseable {

    static final Path ROOT = Path.of("target/lab-sandboxes").toAbsolutePath();

    final LocalSandbox sandbox;
    final KernelClient kernel;

    private TestSandbox(LocalSandbox sandbox, KernelClient kernel) {
        this.sandbox = sandbox;
        this.kernel = kernel;
    }

    static TestSandbox start(SandboxHost host, LabsProperties.Sandbox settings, String name) {
        try {
            LocalSandbox sandbox = LocalSandbox.start(host, settings, Files.createTempDirectory(Files.createDirectories(ROOT), name + "-"));
            try {
                return new TestSandbox(sandbox, KernelClient.start(sandbox.endpoint(), sandbox.token(), "python3", Duration.ofSeconds(60)));
            } catch (RuntimeException e) {
                sandbox.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Execution run(String code) throws Exception {
        return kernel.execute(code, output -> { }).get(120, TimeUnit.SECONDS);
    }

    /** What a run printed and answered, errors as {@code Name: value}. */
    static String text(Execution execution) {
        StringBuilder text = new StringBuilder();
        for (KernelOutput output : execution.outputs()) {
            switch (output) {
                case KernelOutput.Stream s -> text.append(s.text());
                case KernelOutput.Result r -> text.append(r.data().get("text/plain"));
                case KernelOutput.Display d -> text.append(d.data().keySet());
                case KernelOutput.Error e -> text.append(e.name()).append(": ").append(e.value());
                case KernelOutput.Clear c -> text.setLength(0);
                case KernelOutput.InputRequest i -> text.append(i.prompt());
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        try {
            kernel.close();
        } finally {
            sandbox.close();
        }
    }
}
