/**
 * Talent: employers' postings (jobs, internships, apprenticeships, returnships,
 * scholarships), candidate profiles with verified skills, the applications pipeline and
 * skill matching. Root: the API ({@code Postings}, {@code Candidates}, {@code Applications},
 * {@code Matching}, {@code SavedSearches}); {@code internal}: the JDBC stores (postings,
 * candidates, job applications, saved searches), the match index and the listeners; {@code ui}:
 * the views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Talent marketplace")
package eu.aiskills.academy.talent;
