/**
 * Documents: stored files (uploads such as CVs, course materials, proposals) and text
 * extraction with Apache Tika under safety limits. Tika types never leave this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package eu.aiskills.academy.documents;
