/**
 * Compute: the EuroHPC AI Factories and their GPU partitions (from {@code content/factories}),
 * access modes, GPU-hour allocations, the quota ledger (ADR 0012), lab-session bookings, and
 * batch jobs on the factories' Slurm. Root: the API ({@code Allocations}, {@code Bookings},
 * {@code SchedulerJobs}, {@code Quotas}); {@code internal}: the ledger, the job store, the Slurm
 * connector and tracking; {@code ui}: the views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compute")
package eu.aiskills.academy.compute;
