package eu.aiskills.academy.search;

import eu.aiskills.academy.shared.UserFacingException;

/** The search engine cannot be reached or refused the request; pages still work, search says so. */
public class SearchUnavailableException extends UserFacingException {

    public SearchUnavailableException(Throwable cause) {
        super("search.unavailable");
        initCause(cause);
    }
}
