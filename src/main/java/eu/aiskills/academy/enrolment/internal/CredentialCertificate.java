package eu.aiskills.academy.enrolment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.i18n.I18NProvider;
import eu.aiskills.academy.enrolment.CredentialSummary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A credential as a one-page PDF certificate (A4 landscape): who earned what, when, from whom,
 * how (the evidence's names and scores), whether it is revoked, and a QR code to its verification
 * page, where the signed credential is checked. Text is set in an embedded TrueType font (DejaVu
 * Sans by default, which covers every EU language's letters); labels are in the reader's language.
 */
@Component
public class CredentialCertificate {

    /** One line of evidence on the certificate: "Quiz: … — 100 %". */
    record Line(String name, String score) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SCORE = Pattern.compile("^Score ([0-9.]+) out of 100");

    private final I18NProvider translations;
    private final Path regular;
    private final Path bold;

    CredentialCertificate(I18NProvider translations,
                          @Value("${academy.enrolment.certificate.font:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}") Path regular,
                          @Value("${academy.enrolment.certificate.bold-font:/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}") Path bold) {
        this.translations = translations;
        this.regular = regular;
        this.bold = bold;
    }

    /** Whether the fonts are there (the certificate cannot be set without them). */
    public boolean available() {
        return Files.isReadable(regular) && Files.isReadable(bold);
    }

    /** The certificate of a credential whose content (the signed token's payload) is {@code json}. */
    public byte[] render(CredentialSummary credential, String issuerName, String verifyUrl, String json, Locale locale) {
        List<Line> evidence = new ArrayList<>();
        for (JsonNode item : JSON.readTree(json).path("evidence")) {
            Matcher score = SCORE.matcher(item.path("narrative").asString(""));
            evidence.add(new Line(item.path("name").asString(""), score.find() ? score.group(1) + " %" : null));
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(credential.achievementName() + " · " + credential.recipientName());
            info.setAuthor(issuerName);
            PDFont text = PDType0Font.load(document, regular.toFile());
            PDFont heading = PDType0Font.load(document, bold.toFile());
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setStrokingColor(0.05f, 0.27f, 0.55f);
                content.setLineWidth(3);
                content.addRect(24, 24, width - 48, height - 48);
                content.stroke();
                float y = height - 80;
                y = line(content, text, 14, 60, y, issuerName.toUpperCase(locale)) - 24;
                y = line(content, heading, 34, 60, y, t("certificate.title", locale)) - 30;
                y = line(content, text, 14, 60, y, t("certificate.certifies", locale)) - 10;
                y = line(content, heading, 26, 60, y, credential.recipientName()) - 14;
                y = line(content, text, 14, 60, y, t("certificate.completed", locale)) - 10;
                y = line(content, heading, 20, 60, y, credential.achievementName()) - 16;
                String issued = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(credential.issuedAt().atZone(ZoneOffset.UTC));
                y = line(content, text, 12, 60, y, t("certificate.issued", locale, issued)) - 22;
                if (!evidence.isEmpty()) {
                    y = line(content, heading, 12, 60, y, t("certificate.evidence", locale)) - 4;
                    for (Line item : evidence.subList(0, Math.min(6, evidence.size()))) {
                        y = line(content, text, 11, 72, y, "• " + item.name() + (item.score() == null ? "" : " — " + item.score())) - 2;
                    }
                }
                if (credential.revoked()) {
                    content.setNonStrokingColor(0.7f, 0.1f, 0.1f);
                    line(content, heading, 22, 60, 110, t("certificate.revoked", locale, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                            .withLocale(locale).format(credential.revokedAt().atZone(ZoneOffset.UTC))));
                    content.setNonStrokingColor(0f, 0f, 0f);
                }
                float qrSize = 130;
                qr(content, verifyUrl, width - 60 - qrSize, 70, qrSize);
                line(content, text, 9, width - 60 - qrSize - 150, 58, t("certificate.check", locale));
                line(content, text, 8, 60, 44, verifyUrl);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the certificate of credential " + credential.id().value(), e);
        }
    }

    private static float line(PDPageContentStream content, PDFont font, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text.replaceAll("[\\p{Cntrl}]", " "));
        content.endText();
        return y - size * 1.2f;
    }

    /** The QR code of {@code url} (error correction M), drawn as filled squares. */
    private static void qr(PDPageContentStream content, String url, float x, float y, float size) throws IOException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 2);
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode " + url + " as a QR code", e);
        }
        float module = size / matrix.getWidth();
        content.setNonStrokingColor(1f, 1f, 1f);
        content.addRect(x, y, size, size);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    content.addRect(x + column * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }

    private String t(String key, Locale locale, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }
}
