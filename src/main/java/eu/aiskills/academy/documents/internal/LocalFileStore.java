package eu.aiskills.academy.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Files under {@code <academy.data-dir>/documents}, spread over two directory levels by key. */
@Component
class LocalFileStore implements FileStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

    private final Path root;

    LocalFileStore(@Value("${academy.data-dir}") String dataDir) throws IOException {
        this.root = Files.createDirectories(Path.of(dataDir).toAbsolutePath().resolve("documents"));
    }

    /** A directory on the same file system, for uploads on their way in (so that the final move is atomic). */
    Path incoming() throws IOException {
        return Files.createDirectories(root.resolve("incoming"));
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a document key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
