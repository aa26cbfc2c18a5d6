package eu.aiskills.academy.identity;

/** The signed-in person as Spring Security holds them, whichever way they signed in. */
public interface AcademyPrincipal {

    AccountId accountId();

    String email();

    String displayName();
}
