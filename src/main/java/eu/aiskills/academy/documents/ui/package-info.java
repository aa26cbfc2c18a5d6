/** The documents views: a person's own files. */
@org.springframework.modulith.NamedInterface("ui")
package eu.aiskills.academy.documents.ui;
