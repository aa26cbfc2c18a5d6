package eu.aiskills.academy.fellowships;

import java.util.UUID;

/** A mentor co-signed an hours entry of a cohort's participant ({@code memberId}): the participant may have completed the cohort. */
public record HoursCosigned(UUID memberId, UUID entryId) {
}
