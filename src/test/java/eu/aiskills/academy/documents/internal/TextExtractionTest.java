package eu.aiskills.academy.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import eu.aiskills.academy.documents.DocumentsProperties;
import eu.aiskills.academy.documents.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits of text extraction, with limits small enough to reach in a test. */
class TextExtractionTest {

    @TempDir
    Path dir;

    @Test
    void stopsAParseThatRunsPastItsTimeLimit() throws Exception {
        Path pdf = Files.write(dir.resolve("handbook.pdf"), TestFiles.longPdf(400));
        TextExtraction impatient = new TextExtraction(new DocumentsProperties("256m", 1, Duration.ofMillis(200), 100_000));
        try {
            long started = System.nanoTime();
            TextExtraction.Result result = impatient.extract(pdf, "handbook.pdf");
            assertThat(result.failure()).isEqualTo(TextExtraction.Failure.TOO_SLOW);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        } finally {
            impatient.destroy();
        }

        TextExtraction patient = new TextExtraction(new DocumentsProperties("256m", 1, Duration.ofSeconds(60), 100_000));
        try {
            TextExtraction.Result result = patient.extract(pdf, "handbook.pdf");
            assertThat(result.failure()).isNull();
            assertThat(result.text()).contains("Page 1, line 1: gradient descent");
            assertThat(result.pages()).isEqualTo(400);
        } finally {
            patient.destroy();
        }
    }

    @Test
    void cutsTheTextAtItsLimitAndSaysSo() throws Exception {
        Path text = Files.writeString(dir.resolve("essay.txt"),
                "Reinforcement learning from human feedback. ".repeat(5_000), StandardCharsets.UTF_8);
        TextExtraction extraction = new TextExtraction(new DocumentsProperties("256m", 1, Duration.ofSeconds(60), 10_000));
        try {
            TextExtraction.Result cut = extraction.extract(text, "essay.txt");
            assertThat(cut.text()).hasSize(10_000).startsWith("Reinforcement learning");
            assertThat(cut.truncated()).isTrue();

            Path short_ = Files.writeString(dir.resolve("short.txt"), "Short note", StandardCharsets.UTF_8);
            TextExtraction.Result whole = extraction.extract(short_, "short.txt");
            assertThat(whole.text()).contains("Short note");
            assertThat(whole.truncated()).isFalse();
        } finally {
            extraction.destroy();
        }
    }
}
