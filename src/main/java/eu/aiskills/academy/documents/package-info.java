/**
 * Documents: stored files (course materials, CVs, application attachments) in a pluggable store,
 * with checksum, size and content-detected media type recorded, and their text and metadata
 * extracted by Apache Tika in separate, bounded processes. Tika types never leave this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package eu.aiskills.academy.documents;
