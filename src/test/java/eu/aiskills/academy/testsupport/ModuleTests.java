package eu.aiskills.academy.testsupport;

import java.time.Duration;

/** What the module tests ({@code @ApplicationModuleTest} with a {@code Scenario}) share. */
public final class ModuleTests {

    /**
     * How long a scenario waits for the event or state change it expects: well above what it
     * takes alone (under a second), so that a machine busy with the rest of the suite (Slurm,
     * sandboxes, browsers) does not fail a flow that only ran late.
     */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private ModuleTests() {
    }
}
