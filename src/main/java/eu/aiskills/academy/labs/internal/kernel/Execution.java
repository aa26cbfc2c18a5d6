package eu.aiskills.academy.labs.internal.kernel;

import java.util.List;

/**
 * How a cell's run ended.
 *
 * @param status         ok, error or aborted (the kernel's own words), or "interrupted"/"dead" when it never replied
 * @param executionCount the kernel's counter for the cell, or 0
 */
public record Execution(String status, int executionCount, List<KernelOutput> outputs) {

    public Execution {
        outputs = List.copyOf(outputs);
    }

    public boolean ok() {
        return "ok".equals(status);
    }
}
