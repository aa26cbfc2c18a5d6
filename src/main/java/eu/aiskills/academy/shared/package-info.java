/**
 * The shared kernel: the few types every module may use (user-facing rejections with
 * translatable messages, safe Markdown rendering, the system clock). Nothing here knows
 * about any business capability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package eu.aiskills.academy.shared;
