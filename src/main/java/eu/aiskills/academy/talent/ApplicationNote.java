package eu.aiskills.academy.talent;

import java.time.Instant;

/** A note of the employer's team on an application; the candidate never sees it. */
public record ApplicationNote(String author, Instant writtenAt, String body) {

    public static final int BODY_MAX = 4_000;
}
