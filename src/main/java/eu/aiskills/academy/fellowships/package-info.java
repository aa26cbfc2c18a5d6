/**
 * Fellowships: fellowship calls and schemes, eligibility rules, host placement offers,
 * review panels and scoring, ranking and placement matching, fellows teaching in the Academy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fellowships")
package eu.aiskills.academy.fellowships;
