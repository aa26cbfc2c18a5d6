/**
 * Labs: lab templates (Jupyter notebooks) and per-learner lab sessions, launched in a local
 * sandbox or on an AI Factory through Slurm. The root is the API ({@code Labs},
 * {@code LabSessions}, {@code LabGrading}, {@code LabUsageReport}); {@code internal} holds the
 * session store, life cycle, culler, factory jobs, kernel client and sandbox; {@code ui} the
 * notebook, authoring and usage views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notebook labs")
package eu.aiskills.academy.labs;
