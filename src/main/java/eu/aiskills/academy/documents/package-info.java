/**
 * Documents: stored files (course materials, CVs, application attachments) in a pluggable store,
 * with checksum, size and content-detected media type recorded, and their text and metadata
 * extracted by Apache Tika in separate, bounded processes. Tika types never leave this module.
 * Root: the API ({@code Documents}) and its records and events; {@code internal}: the store, the
 * extraction and the JPA entity; {@code ui}: the documents view (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package eu.aiskills.academy.documents;
