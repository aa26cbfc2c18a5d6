package eu.aiskills.academy.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where stored files' bytes live. The local file system is the default; an object store fits
 * behind the same three operations.
 */
public interface FileStore {

    /** Takes over {@code file} (moving it where possible) under {@code key}. */
    void put(String key, Path file) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;
}
