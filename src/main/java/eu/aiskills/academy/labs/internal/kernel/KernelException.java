package eu.aiskills.academy.labs.internal.kernel;

/** The lab's server or kernel did not do what was asked. */
public class KernelException extends RuntimeException {

    public KernelException(String message) {
        super(message);
    }

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
