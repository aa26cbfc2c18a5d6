package eu.aiskills.academy.enrolment;

/** What a credential attests: a completed course or a completed programme. */
public enum CredentialKind {
    COURSE,
    PROGRAMME
}
