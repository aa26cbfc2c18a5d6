/**
 * Talent: employers' postings (jobs, internships, apprenticeships, returnships,
 * scholarships), candidate profiles with verified skills, the applications pipeline and
 * skill matching.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Talent marketplace")
package eu.aiskills.academy.talent;
