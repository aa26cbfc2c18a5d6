package eu.aiskills.academy.shared.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.upload.UploadI18N;
import eu.aiskills.academy.shared.Translations;

/** The upload component's own texts (buttons, drop hint, progress, client-side errors) in the user's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N of(Locale locale) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(t(locale, "upload.drop.one"))
                .setMany(t(locale, "upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(t(locale, "upload.add.one"))
                .setMany(t(locale, "upload.add.many")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(t(locale, "upload.error.too-many"))
                .setFileIsTooBig(t(locale, "upload.error.too-big"))
                .setIncorrectFileType(t(locale, "upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(t(locale, "upload.status.connecting"))
                        .setStalled(t(locale, "upload.status.stalled"))
                        .setProcessing(t(locale, "upload.status.processing"))
                        .setHeld(t(locale, "upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(t(locale, "upload.remaining"))
                        .setUnknown(t(locale, "upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t(locale, "upload.error.unavailable"))
                        .setUnexpectedServerError(t(locale, "upload.error.refused"))
                        .setForbidden(t(locale, "upload.error.forbidden"))
                        .setFileTooLarge(t(locale, "upload.error.too-big"))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(t(locale, "upload.file.retry"))
                .setStart(t(locale, "upload.file.start"))
                .setRemove(t(locale, "upload.file.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        return i18n;
    }

    private static String t(Locale locale, String key) {
        return Translations.get(locale, key);
    }
}
