/** The module's views: routes other modules' views may link to. */
@org.springframework.modulith.NamedInterface("ui")
package eu.aiskills.academy.catalogue.ui;
