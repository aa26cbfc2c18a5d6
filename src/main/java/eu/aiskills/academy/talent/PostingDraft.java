package eu.aiskills.academy.talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import eu.aiskills.academy.identity.OrganisationId;

/**
 * A posting as its employer writes it.
 *
 * @param description    Markdown (rendered sanitised)
 * @param occupationUri  an ESCO occupation URI, or {@code null}
 * @param workCountry    ISO 3166 two-letter code of the country of work
 * @param visaSupport    whether the employer supports a work permit / EU Blue Card
 * @param salaryPeriod   YEAR, MONTH or HOUR, when a salary is given
 * @param languages      ISO 639-1 codes of the working languages
 * @param requiredSkills ESCO skill URIs the role needs
 * @param optionalSkills ESCO skill URIs that help
 * @param trainingPlan   an apprenticeship's training plan (Markdown)
 * @param courses        the Academy courses an apprenticeship combines (slugs)
 * @param questions      what applicants answer when they apply (at most {@link #QUESTIONS_MAX})
 */
public record PostingDraft(OrganisationId organisation, PostingKind kind, String title, String description, String occupationUri,
                           Seniority seniority, List<String> locations, RemotePolicy remote, String workCountry, boolean visaSupport,
                           BigDecimal salaryMin, BigDecimal salaryMax, String salaryCurrency, String salaryPeriod,
                           List<String> languages, LocalDate closesOn, int openings, List<String> requiredSkills,
                           List<String> optionalSkills, String trainingPlan, List<String> courses, List<String> questions) {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 20_000;
    public static final int QUESTIONS_MAX = 10;
    public static final int QUESTION_MAX = 200;
    /** An ISO 3166 country code, an ISO 4217 currency code. */
    public static final int COUNTRY_LENGTH = 2;
    public static final int CURRENCY_LENGTH = 3;
    /** Longest ESCO occupation URI accepted in the form. */
    public static final int OCCUPATION_MAX = 200;

    public PostingDraft {
        locations = locations == null ? List.of() : List.copyOf(locations);
        languages = languages == null ? List.of() : List.copyOf(languages);
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        optionalSkills = optionalSkills == null ? List.of() : List.copyOf(optionalSkills);
        courses = courses == null ? List.of() : List.copyOf(courses);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
