/**
 * Catalogue: courses and their lessons (Markdown, rendered safely), levels, workload and
 * credits, course runs, programmes, ESCO skills, and authoring with review; the demo catalogue
 * in {@code content/courses} is imported idempotently at start-up. Root: the API
 * ({@code Catalogue}, {@code CourseAuthoring}); {@code internal}: JPA entities and repositories;
 * {@code ui}: the views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package eu.aiskills.academy.catalogue;
