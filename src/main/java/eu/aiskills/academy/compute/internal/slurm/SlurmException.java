package eu.aiskills.academy.compute.internal.slurm;

/**
 * A call to {@code slurmrestd} that did not succeed, classified by what the caller can do about it.
 */
public class SlurmException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** Nothing answered (connection refused, unknown host, reset before a response): safe to retry. */
        UNREACHABLE,
        /** The connection or the response took longer than allowed: the request may or may not have been acted on. */
        TIMEOUT,
        /** The scheduler refused the platform's credentials (HTTP 401/403, or 500 with no Slurm error, as 22.05 answers a bad token). */
        CREDENTIALS,
        /** The job is not known to the scheduler (any more). */
        NOT_FOUND,
        /** The scheduler understood the request and refused it (bad partition, too many GPUs, ...). */
        REJECTED,
        /** An answer the adapter cannot read: a different API version, a proxy's error page. */
        PROTOCOL
    }

    private final Kind kind;

    public SlurmException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SlurmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether trying the same request again later can succeed. */
    public boolean transientFailure() {
        return kind == Kind.UNREACHABLE || kind == Kind.TIMEOUT;
    }
}
