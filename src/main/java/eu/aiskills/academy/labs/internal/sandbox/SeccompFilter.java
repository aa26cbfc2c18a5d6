package eu.aiskills.academy.labs.internal.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seccomp filter every sandbox runs under (bubblewrap's {@code --seccomp}): a classic BPF
 * program that refuses, with {@code EPERM}, the system calls a notebook never needs and that
 * would let code inspect or leave its sandbox (tracing other processes, reading their memory,
 * new namespaces and mounts, kernel keyrings, BPF, performance counters, user-fault handlers,
 * loading kernels or modules), and kills a process that calls from a foreign architecture.
 * libseccomp would compile the same list, but only its Python binding could export it here and
 * the platform would then run Python as root at start-up; a deny list is a few dozen
 * instructions, checked in {@code SeccompFilterTest} and by the escape tests (ADR 0016).
 */
public final class SeccompFilter {

    private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    private static final int AUDIT_ARCH_AARCH64 = 0xC00000B7;
    /** x86-64's x32 ABI: the same calls with this bit set in their number. */
    private static final int X32_SYSCALL_BIT = 0x40000000;
    /** clone flags that make a new namespace. */
    static final int CLONE_NAMESPACES = 0x00020000 /* NEWNS */ | 0x02000000 /* NEWCGROUP */ | 0x04000000 /* NEWUTS */
            | 0x08000000 /* NEWIPC */ | 0x10000000 /* NEWUSER */ | 0x20000000 /* NEWPID */ | 0x40000000 /* NEWNET */;
    /** Terminal ioctls that push input into another process's terminal. */
    private static final int TIOCSTI = 0x5412;
    private static final int TIOCLINUX = 0x541C;

    private static final int RET_ALLOW = 0x7FFF0000;
    private static final int RET_KILL_PROCESS = 0x80000000;
    private static final int RET_ERRNO = 0x00050000;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;

    // Classic BPF opcodes.
    private static final short LD_W_ABS = 0x20;
    private static final short JEQ_K = 0x15;
    private static final short JGE_K = 0x35;
    private static final short JSET_K = 0x45;
    private static final short RET_K = 0x06;

    // Offsets in struct seccomp_data (little-endian: an argument's low word comes first).
    private static final int NR = 0;
    private static final int ARCH = 4;
    private static final int ARG0 = 16;
    private static final int ARG1 = 24;

    /** The refused calls, by name; the numbers for each architecture follow. */
    static final List<String> REFUSED = List.of("ptrace", "process_vm_readv", "process_vm_writev", "mount", "umount2",
            "pivot_root", "chroot", "unshare", "setns", "keyctl", "add_key", "request_key", "bpf", "perf_event_open",
            "userfaultfd", "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "swapon", "swapoff",
            "reboot", "acct", "quotactl", "name_to_handle_at", "open_by_handle_at", "open_tree", "move_mount", "fsopen",
            "fsconfig", "fsmount", "fspick", "mount_setattr", "io_uring_setup", "io_uring_enter", "io_uring_register", "syslog");

    private static final Map<String, Integer> X86_64 = numbers(101, 310, 311, 165, 166, 155, 161, 272, 308, 250, 248, 249, 321,
            298, 323, 246, 320, 175, 313, 176, 167, 168, 169, 163, 179, 303, 304, 428, 429, 430, 431, 432, 433, 442, 425, 426,
            427, 103);
    private static final Map<String, Integer> AARCH64 = numbers(117, 270, 271, 40, 39, 41, 51, 97, 268, 219, 217, 218, 280,
            241, 282, 104, 294, 105, 273, 106, 224, 225, 142, 89, 60, 264, 265, 428, 429, 430, 431, 432, 433, 442, 425, 426,
            427, 116);

    private record Arch(int audit, Map<String, Integer> calls, int cloneCall, int clone3Call, int ioctl, boolean x32) {
    }

    private SeccompFilter() {
    }

    private static Map<String, Integer> numbers(int... numbers) {
        if (numbers.length != REFUSED.size()) {
            throw new IllegalStateException("A number for each refused call");
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < numbers.length; i++) {
            byName.put(REFUSED.get(i), numbers[i]);
        }
        return byName;
    }

    /** The filter for this JVM's architecture ({@code os.arch}). */
    public static byte[] forThisMachine() {
        return program(System.getProperty("os.arch"));
    }

    /** The filter for an architecture as the JVM names it ({@code amd64}, {@code aarch64}). */
    static byte[] program(String osArch) {
        Arch arch = switch (osArch) {
            case "amd64", "x86_64" -> new Arch(AUDIT_ARCH_X86_64, X86_64, 56, 435, 16, true);
            case "aarch64", "arm64" -> new Arch(AUDIT_ARCH_AARCH64, AARCH64, 220, 435, 29, false);
            default -> throw new IllegalStateException("No seccomp filter for the architecture " + osArch
                    + "; lab sandboxes run on x86-64 and AArch64 hosts");
        };
        Program p = new Program();
        p.load(ARCH);
        p.jumpUnless(JEQ_K, arch.audit(), "kill");
        p.load(NR);
        if (arch.x32()) {
            p.jumpIf(JGE_K, X32_SYSCALL_BIT, "kill");
        }
        for (int call : arch.calls().values()) {
            p.jumpIf(JEQ_K, call, "eperm");
        }
        // clone3 passes its flags in memory a filter cannot read: refused as unknown, so that the C library falls back to clone.
        p.jumpIf(JEQ_K, arch.clone3Call(), "enosys");
        p.jumpUnless(JEQ_K, arch.cloneCall(), "not-clone");
        p.load(ARG0);
        p.jumpIf(JSET_K, CLONE_NAMESPACES, "eperm");
        p.ret(RET_ALLOW);
        p.label("not-clone");
        p.jumpUnless(JEQ_K, arch.ioctl(), "allow");
        p.load(ARG1);
        p.jumpIf(JEQ_K, TIOCSTI, "eperm");
        p.jumpIf(JEQ_K, TIOCLINUX, "eperm");
        p.label("allow");
        p.ret(RET_ALLOW);
        p.label("eperm");
        p.ret(RET_ERRNO | EPERM);
        p.label("enosys");
        p.ret(RET_ERRNO | ENOSYS);
        p.label("kill");
        p.ret(RET_KILL_PROCESS);
        return p.bytes();
    }

    /** A BPF program being written, with forward jumps to labels resolved at the end. */
    private static final class Program {
        private record Instruction(short code, String trueLabel, String falseLabel, int k) {
        }

        private final List<Instruction> instructions = new ArrayList<>();
        private final Map<String, Integer> labels = new LinkedHashMap<>();

        void load(int offset) {
            instructions.add(new Instruction((short) (LD_W_ABS), null, null, offset));
        }

        void jumpIf(short test, int k, String label) {
            instructions.add(new Instruction(test, label, null, k));
        }

        void jumpUnless(short test, int k, String label) {
            instructions.add(new Instruction(test, null, label, k));
        }

        void ret(int value) {
            instructions.add(new Instruction(RET_K, null, null, value));
        }

        void label(String name) {
            labels.put(name, instructions.size());
        }

        byte[] bytes() {
            ByteBuffer out = ByteBuffer.allocate(instructions.size() * 8).order(ByteOrder.nativeOrder());
            for (int at = 0; at < instructions.size(); at++) {
                Instruction i = instructions.get(at);
                out.putShort(i.code()).put(offset(at, i.trueLabel())).put(offset(at, i.falseLabel())).putInt(i.k());
            }
            return out.array();
        }

        /** A jump's distance: instructions skipped after the next one (0 = fall through). */
        private byte offset(int from, String label) {
            if (label == null) {
                return 0;
            }
            Integer to = labels.get(label);
            if (to == null || to <= from || to - from - 1 > 255) {
                throw new IllegalStateException("Jump from " + from + " to " + label + " cannot be encoded");
            }
            return (byte) (to - from - 1);
        }
    }
}
