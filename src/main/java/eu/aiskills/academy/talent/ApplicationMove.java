package eu.aiskills.academy.talent;

import java.time.Instant;

/** One step of an application's history: who moved it from where to where, when and why. */
public record ApplicationMove(ApplicationStatus from, ApplicationStatus to, String movedBy, Instant at, String reason) {
}
