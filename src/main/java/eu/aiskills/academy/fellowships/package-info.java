/**
 * Fellowships: fellowship calls and schemes, eligibility rules, host placement offers,
 * review panels and scoring, ranking and placement matching, fellows teaching in the Academy,
 * and the cohorts of the apprenticeship, returnship and scholarship schemes. Root: the API
 * ({@code FellowshipCalls}, {@code FellowshipApplications}, {@code FellowshipReviews},
 * {@code FellowshipPlacements}, {@code Cohorts}) and the pure rules ({@code Eligibility},
 * {@code Ranking}, {@code StableMatching}); {@code internal}: the JDBC stores (calls,
 * applications, reviews, placements, cohorts) and the listeners; {@code ui}: the views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fellowships")
package eu.aiskills.academy.fellowships;
