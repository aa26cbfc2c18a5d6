package eu.aiskills.academy.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import eu.aiskills.academy.documents.DocumentsProperties;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.fork.ForkParser;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Text and metadata from stored files, by Apache Tika, in separate Java processes (Tika's
 * ForkParser): each has a small heap of its own and is stopped when a parse runs too long, so a
 * zip bomb, an entity-expansion bomb or a pathological document costs at most one such process,
 * never the application. Compression ratio, nesting depth and output size are bounded as well.
 */
@Component
public class TextExtraction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);

    /** Why a file's text could not be read. */
    public enum Failure {
        ENCRYPTED, CORRUPT, TOO_COMPLEX, TOO_SLOW
    }

    /** The outcome: text (possibly cut at the limit) and a little metadata, or why there is none. */
    public record Result(String text, boolean truncated, String title, String author, Integer pages, Failure failure) {

        boolean failed() {
            return failure != null;
        }
    }

    private final ForkParser parser;
    private final DocumentsProperties properties;

    TextExtraction(DocumentsProperties properties) {
        this.properties = properties;
        AutoDetectParser autoDetect = new AutoDetectParser();
        AutoDetectParserConfig limits = new AutoDetectParserConfig();
        limits.setMaximumCompressionRatio(100L);
        limits.setMaximumDepth(200);
        limits.setMaximumPackageEntryDepth(5);
        limits.setOutputThreshold(10_000_000L);
        autoDetect.setAutoDetectParserConfig(limits);
        this.parser = new ForkParser(TextExtraction.class.getClassLoader(), autoDetect);
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + properties.extractorHeap(),
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true"));
        parser.setJavaCommand(java);
        parser.setPoolSize(properties.extractorProcesses());
        parser.setServerParseTimeoutMillis(properties.parseTimeout().toMillis());
        parser.setServerWaitTimeoutMillis(properties.parseTimeout().toMillis());
        // How often a child process checks its parse against the limit (Tika's default is every 5 s).
        parser.setServerPulseMillis(Math.max(10, Math.min(1000, properties.parseTimeout().toMillis() / 4)));
        parser.setMaxFilesProcessedPerServer(500);
    }

    Result extract(Path file, String fileName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        BodyContentHandler text = new BodyContentHandler(properties.maxExtractedChars());
        boolean truncated = false;
        long started = System.nanoTime();
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, text, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            return failure(Failure.ENCRYPTED);
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                log.info("Text extraction of {} refused: {}", fileName, e.getMessage());
                return failure(Failure.TOO_COMPLEX);
            }
        } catch (TikaException e) {
            Failure failure = classify(e);
            log.info("Text extraction of {} refused as {}: {}", fileName, failure, causes(e));
            return failure(failure);
        } catch (IOException e) {
            // The child process ended mid-parse: stopped at the time limit ("Lost connection", or "Stream
            // closed" when it was stopped before it had started to answer), or out of its resources.
            if (System.nanoTime() - started >= properties.parseTimeout().toNanos()) {
                log.info("Text extraction of {} stopped: time limit reached ({})", fileName, e.getMessage());
                return failure(Failure.TOO_SLOW);
            }
            if (String.valueOf(e.getMessage()).contains("Lost connection")) {
                log.info("Text extraction of {} stopped: {}", fileName, e.getMessage());
                return failure(Failure.TOO_COMPLEX);
            }
            log.info("Text extraction of {} failed: {}", fileName, e.toString());
            return failure(Failure.CORRUPT);
        } catch (RuntimeException e) {
            log.info("Text extraction of {} failed: {}", fileName, e.toString());
            return failure(Failure.CORRUPT);
        }
        // Through the child process the handler's write limit cuts the text without an exception.
        truncated = truncated || text.toString().length() >= properties.maxExtractedChars();
        Integer pages = metadata.getInt(org.apache.tika.metadata.PagedText.N_PAGES);
        return new Result(text.toString(), truncated, metadata.get(TikaCoreProperties.TITLE),
                metadata.get(TikaCoreProperties.CREATOR), pages, null);
    }

    private static Failure classify(TikaException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return Failure.ENCRYPTED;
            }
            if (t instanceof OutOfMemoryError) {
                return Failure.TOO_COMPLEX;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("timeout") || message.contains("timed out")) {
                return Failure.TOO_SLOW;
            }
            if (message.contains("zip bomb") || message.contains("compression ratio") || message.contains("depth")
                    || message.contains("outofmemory") || message.contains("out of memory") || message.contains("entity")) {
                return Failure.TOO_COMPLEX;
            }
        }
        return Failure.CORRUPT;
    }

    private static String causes(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 2000; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t);
        }
        return chain.toString();
    }

    private static Result failure(Failure failure) {
        return new Result("", false, null, null, null, failure);
    }

    @Override
    public void destroy() {
        parser.close();
    }
}
