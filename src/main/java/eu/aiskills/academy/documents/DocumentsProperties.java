package eu.aiskills.academy.documents;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stored files and text extraction.
 *
 * @param extractorHeap      heap of each extraction process (Tika runs in separate JVMs, so a hostile
 *                           file can exhaust only that heap), as for -Xmx
 * @param extractorProcesses extraction processes kept ready; also the number of parses at once
 * @param parseTimeout       longest one extraction may take before its process is stopped
 * @param maxExtractedChars  extracted text kept per file (longer text is cut, and marked so)
 */
@ConfigurationProperties("academy.documents")
@Validated
public record DocumentsProperties(
        @DefaultValue("256m") @Pattern(regexp = "[1-9][0-9]*[mMgG]", message = "academy.documents.extractor-heap must look like 256m or 1g") String extractorHeap,
        @DefaultValue("2") @Min(1) @Max(16) int extractorProcesses,
        @DefaultValue("60s") @NotNull Duration parseTimeout,
        @DefaultValue("1000000") @Min(1000) @Max(1_000_000) int maxExtractedChars) {
}
