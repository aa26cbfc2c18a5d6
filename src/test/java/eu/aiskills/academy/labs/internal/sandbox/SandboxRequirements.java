package eu.aiskills.academy.labs.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the sandbox tests need: they fail without it, since a suite that skipped them would say
 * nothing about the sandbox; only {@value #SKIP_PROPERTY} skips them, on request.
 */
public final class SandboxRequirements {

    private SandboxRequirements() {
    }

    /** Set to skip the sandbox tests on purpose (a machine without bubblewrap, not as root): never by default. */
    public static final String SKIP_PROPERTY = "academy.tests.skip-sandbox";

    public static void check() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY),
                "-D" + SKIP_PROPERTY + "=true: the sandbox tests are skipped on request");
        assertThat(Files.isExecutable(Path.of("/usr/bin/bwrap")) && Files.exists(Path.of("/usr/bin/jupyter-server")))
                .as("The lab tests need bubblewrap and Jupyter Server from Debian packages: run ./academy test, which installs them")
                .isTrue();
        assertThat(System.getProperty("user.name"))
                .as("The sandbox tests run as root (as .ci/run does): control groups, disk images and host user ids need it")
                .isEqualTo("root");
    }
}
