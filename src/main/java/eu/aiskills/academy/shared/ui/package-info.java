/** Small helpers every module's views share: page titles, showing rejections beside their fields, notifications. */
@org.springframework.modulith.NamedInterface("ui")
package eu.aiskills.academy.shared.ui;
