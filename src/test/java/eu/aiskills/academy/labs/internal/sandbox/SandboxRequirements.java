package eu.aiskills.academy.labs.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the sandbox tests need: they fail, never skip, without it, since a suite that skipped
 * them would say nothing about the sandbox.
 */
public final class SandboxRequirements {

    private SandboxRequirements() {
    }

    public static void check() {
        assertThat(Files.isExecutable(Path.of("/usr/bin/bwrap")) && Files.exists(Path.of("/usr/bin/jupyter-server")))
                .as("The lab tests need bubblewrap and Jupyter Server from Debian packages: run ./academy test, which installs them")
                .isTrue();
        assertThat(System.getProperty("user.name"))
                .as("The sandbox tests run as root (as .ci/run does): control groups, disk images and host user ids need it")
                .isEqualTo("root");
    }
}
