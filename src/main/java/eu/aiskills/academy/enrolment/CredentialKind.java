package eu.aiskills.academy.enrolment;

/** What a credential attests: a completed course, a completed programme, or a completed cohort (apprenticeship, returnship, scholarship). */
public enum CredentialKind {
    COURSE,
    PROGRAMME,
    COHORT
}
