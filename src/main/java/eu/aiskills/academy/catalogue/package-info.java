/**
 * Catalogue: courses and their lessons (Markdown, rendered safely), levels, workload and
 * credits; the demo catalogue in {@code content/courses} is imported idempotently at start-up.
 * Course runs, programmes, skills and authoring grow here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package eu.aiskills.academy.catalogue;
