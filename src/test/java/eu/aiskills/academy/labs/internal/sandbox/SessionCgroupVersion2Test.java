package eu.aiskills.academy.labs.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control groups version 2, on a directory laid out as the kernel lays out {@code /sys/fs/cgroup}
 * when the unified hierarchy is mounted: these machines mount version 1 (SandboxConfinementTest
 * runs it for real), so version 2's files are written and read here as the kernel documents them.
 */
class SessionCgroupVersion2Test {

    @TempDir
    Path mount;

    @Test
    void controllersAreDelegatedAndASessionsLimitsWrittenAndItsCountsRead() throws Exception {
        Files.writeString(mount.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        Files.writeString(mount.resolve("cgroup.subtree_control"), "");

        SessionCgroup.Parent parent = SessionCgroup.Parent.prepare(mount, "academy-labs").orElseThrow();
        assertThat(parent.version()).isEqualTo(SessionCgroup.Version.V2);
        assertThat(mount.resolve("cgroup.subtree_control")).hasContent("+memory +pids +cpu");
        assertThat(mount.resolve("academy-labs/cgroup.subtree_control")).hasContent("+memory +pids +cpu");

        SessionCgroup group = parent.create("session-1", 2L << 30, 64, 1.5);
        Path dir = mount.resolve("academy-labs/session-1");
        assertThat(dir.resolve("memory.max")).hasContent(String.valueOf(2L << 30));
        assertThat(dir.resolve("memory.swap.max")).hasContent("0");
        assertThat(dir.resolve("pids.max")).hasContent("64");
        assertThat(dir.resolve("cpu.max")).hasContent("150000 100000");
        assertThat(group.procsFiles()).containsExactly(dir.resolve("cgroup.procs"));

        Files.writeString(dir.resolve("memory.current"), "1048576\n");
        Files.writeString(dir.resolve("memory.peak"), "2147483648\n");
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 12\noom 2\noom_kill 2\noom_group_kill 0\n");
        Files.writeString(dir.resolve("pids.current"), "64\n");
        Files.writeString(dir.resolve("pids.events"), "max 5\n");
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n");
        Files.writeString(dir.resolve("cgroup.procs"), "");

        assertThat(group.usage()).isEqualTo(new SessionCgroup.Usage(1048576, 2147483648L, 2, 64, 64, 5, Duration.ofMillis(2500)));
        assertThat(group.usage().processesExhausted()).isTrue();
    }

    @Test
    void aHierarchyWithoutTheNeededControllersIsNotUsed() throws Exception {
        Files.writeString(mount.resolve("cgroup.controllers"), "cpuset io\n");

        assertThat(SessionCgroup.Parent.prepare(mount, "academy-labs")).isEmpty();
    }
}
