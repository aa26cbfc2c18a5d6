package eu.aiskills.academy.labs.internal.sandbox;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's own file system: a sparse ext4 image on the host's disk, loop-mounted (no set-uid,
 * no devices) on a short directory, holding the session's home, {@code /tmp} and the server's
 * socket directory. Its size and inode count are the session's disk quota (home and {@code /tmp}
 * together), so writes past it fail inside with "No space left on device", however many files
 * they spread over; and the sandbox sees a device, not a host path. Closing unmounts it and
 * deletes the image without ever walking what the learner wrote (no symbolic link is followed).
 * Needs root; {@link #supported()} says whether this host allows it.
 */
public final class SessionDisk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionDisk.class);
    private static final Path MKFS = Path.of("/usr/sbin/mkfs.ext4");

    private final Path image;
    private final Path mountPoint;
    private volatile boolean mounted;

    private SessionDisk(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Whether images can be made and mounted here: root, {@code mkfs.ext4}, and loop devices. */
    public static boolean supported() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(MKFS)
                && Files.exists(Path.of("/dev/loop-control"));
    }

    /**
     * Creates the image ({@code bytes} large, {@code inodes} files at most) and mounts it on
     * {@code mountPoint}; {@code home}, {@code tmp} and {@code run} inside belong to {@code uid}.
     */
    public static SessionDisk create(Path image, Path mountPoint, long bytes, long inodes, int uid) {
        SessionDisk disk = new SessionDisk(image, mountPoint);
        try {
            try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
                file.setLength(bytes);
            }
            run(List.of(MKFS.toString(), "-q", "-F", "-m", "0", "-N", String.valueOf(inodes), "-E", "root_owner=0:0,nodiscard",
                    image.toString()));
            run(List.of("/usr/bin/mount", "-o", "loop,nosuid,nodev,noatime", image.toString(), mountPoint.toString()));
            disk.mounted = true;
            Files.deleteIfExists(mountPoint.resolve("lost+found"));
            for (String dir : List.of("home", "tmp", "run")) {
                Path path = Files.createDirectory(mountPoint.resolve(dir));
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                Files.setAttribute(path, "unix:uid", uid);
                Files.setAttribute(path, "unix:gid", uid);
            }
            return disk;
        } catch (IOException | RuntimeException e) {
            disk.close();
            throw new IllegalStateException("Cannot create the disk of lab sandbox " + image.getParent().getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    public Path home() {
        return mountPoint.resolve("home");
    }

    public Path tmp() {
        return mountPoint.resolve("tmp");
    }

    public Path run() {
        return mountPoint.resolve("run");
    }

    /**
     * Whether the quota is used up: no inode left, or less free space than one more write of a
     * megabyte or two (what a learner's code wrote last before it failed is what filled it).
     */
    public boolean full() {
        try {
            Process stat = new ProcessBuilder("/usr/bin/stat", "-f", "-c", "%a %b %d %S", mountPoint.toString())
                    .redirectErrorStream(true).start();
            String[] numbers = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split(" ");
            stat.waitFor(5, TimeUnit.SECONDS);
            long blockSize = Long.parseLong(numbers[3]);
            long free = Long.parseLong(numbers[0]) * blockSize;
            long total = Long.parseLong(numbers[1]) * blockSize;
            return Long.parseLong(numbers[2]) == 0 || free < Math.max(2L * 1024 * 1024, total / 50);
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unmounts (lazily when something still holds it) and deletes the image. */
    @Override
    public void close() {
        if (mounted) {
            try {
                run(List.of("/usr/bin/umount", mountPoint.toString()));
            } catch (RuntimeException e) {
                try {
                    run(List.of("/usr/bin/umount", "--lazy", mountPoint.toString()));
                } catch (RuntimeException lazy) {
                    log.warn("Could not unmount the lab disk at {}: {}", mountPoint, lazy.getMessage());
                }
            }
            mounted = false;
        }
        try {
            Files.deleteIfExists(image);
        } catch (IOException e) {
            log.warn("Could not delete the lab disk image {}: {}", image, e.toString());
        }
    }

    /**
     * Unmounts the session disks a previous run of the platform left mounted (it was killed):
     * every loop mount whose image lies under {@code sessions}.
     */
    public static int unmountLeftovers(Path sessions) {
        int unmounted = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] fields = line.split(" ");
                if (fields.length < 2 || !fields[0].startsWith("/dev/loop")) {
                    continue;
                }
                Path backing = Path.of("/sys/block", fields[0].substring("/dev/".length()), "loop", "backing_file");
                if (Files.exists(backing) && Files.readString(backing).strip().startsWith(sessions.toString() + "/")) {
                    run(List.of("/usr/bin/umount", "--lazy", fields[1].replace("\\040", " ")));
                    unmounted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not look for lab disks left mounted: {}", e.toString());
        }
        return unmounted;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed (" + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.getFirst(), e);
        }
    }
}
