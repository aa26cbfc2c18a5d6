package eu.aiskills.academy.catalogue;

/** What a browser needs to offer a lesson's material for download. */
public record MaterialDownload(String fileName, String mediaType, long sizeBytes) {
}
