/**
 * Compute: the EuroHPC AI Factories and their GPU partitions (from {@code content/factories}),
 * and, growing here, access modes, GPU-hour allocations, the quota ledger, lab-session
 * bookings and the Slurm connector.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compute")
package eu.aiskills.academy.compute;
