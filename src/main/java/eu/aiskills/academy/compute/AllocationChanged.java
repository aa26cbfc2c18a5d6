package eu.aiskills.academy.compute;

import java.util.UUID;

/** GPU-hours for a course run were granted, or its grant ended: the AI Factories its labs run on changed. */
public record AllocationChanged(UUID runId) {
}
