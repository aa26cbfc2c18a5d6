/** The fellowships' views: calls, host offers, applying, review, placements, cohorts, and the calls' administration. */
@org.springframework.modulith.NamedInterface("ui")
package eu.aiskills.academy.fellowships.ui;
