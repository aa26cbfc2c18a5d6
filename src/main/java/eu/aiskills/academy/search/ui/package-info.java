/** The search views: the catalogue search for everybody, index administration for administrators. */
@org.springframework.modulith.NamedInterface("ui")
package eu.aiskills.academy.search.ui;
