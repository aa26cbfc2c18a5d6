/**
 * Labs: lab templates (Jupyter notebooks), per-learner lab sessions launched in a local
 * sandbox or on an AI Factory through Slurm, the notebook view and kernel client,
 * autograding and metering.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notebook labs")
package eu.aiskills.academy.labs;
