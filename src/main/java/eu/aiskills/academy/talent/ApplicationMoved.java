package eu.aiskills.academy.talent;

import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;

/** An employer moved an application: its candidate hears of it (with the reason, if one was given). */
public record ApplicationMoved(UUID application, AccountId candidate, String postingTitle, String organisationName,
                               ApplicationStatus status, String reason) {
}
