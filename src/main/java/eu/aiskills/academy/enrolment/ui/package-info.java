/** Views of enrolment: enrolling from a course page, my learning, run rosters, credentials. */
@org.springframework.modulith.NamedInterface("ui")
package eu.aiskills.academy.enrolment.ui;
