package eu.aiskills.academy.labs;

/** Where a lab session's kernel runs; stored by name. */
public enum LabLauncher {
    /** A sandbox on the platform's own machine (labs without GPUs). */
    LOCAL,
    /** A batch job on the AI Factory that hosts the learner's run's allocation, through its Slurm (GPU labs). */
    SLURM
}
