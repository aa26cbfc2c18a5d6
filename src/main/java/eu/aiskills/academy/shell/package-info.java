/**
 * The application shell: the frame every view is shown in (navigation built from what the
 * signed-in person may open, user menu, language and light/dark switch), the home page,
 * translations for the UI, in-app notifications, and the handling of errors a view did not
 * handle itself. Root: the API ({@code AuditLog}, {@code Notifications}); {@code internal}: the
 * audit and mail stores and the listeners; {@code ui}: the frame, home and error views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shell")
package eu.aiskills.academy.shell;
