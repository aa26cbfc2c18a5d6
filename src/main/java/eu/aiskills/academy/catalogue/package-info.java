/**
 * Catalogue: courses and their lessons (Markdown, rendered safely), levels, workload and
 * credits, course runs, programmes, ESCO skills, and authoring with review; the demo catalogue
 * in {@code content/courses} is imported idempotently at start-up. Root: the API
 * ({@code Catalogue} to read it, {@code CourseAuthoring} to write courses, {@code CourseReviews}
 * to review them, {@code CourseMaterials} for lessons' files, {@code CourseIndexFeed} for the
 * search index); {@code internal}: JPA entities and repositories, the content import and the
 * draft rules; {@code ui}: the views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package eu.aiskills.academy.catalogue;
