package eu.aiskills.academy.compute.internal.slurm;

/** Job ids go into URL paths: only Slurm's own forms (digits, array and het-job suffixes) are let through. */
final class SlurmIds {

    private SlurmIds() {
    }

    static String checked(String jobId) {
        if (jobId == null || !jobId.matches("[0-9]{1,12}([_+][0-9]{1,6})?")) {
            throw new SlurmException(SlurmException.Kind.PROTOCOL, "Not a Slurm job id: " + jobId);
        }
        return jobId;
    }
}
