package eu.aiskills.academy.fellowships;


/** A call was published, or a published call changed before it opened: the search index reads it again. */
public record CallPublished(FellowshipCallId call) {
}
