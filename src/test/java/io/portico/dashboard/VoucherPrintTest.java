package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The printed vouchers read back: the PDF's text and both QR renderings decode to what was printed. */
class VoucherPrintTest {

    private static final Pattern SVG_SQUARE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern PDF_SQUARE = Pattern.compile("(\\d+) (\\d+) 1 1 re");

    private static List<VoucherCard> cards(int n) {
        List<VoucherCard> cards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = "K7M4Q" + (char) ('A' + i) + "9XPT";
            cards.add(new VoucherCard(code, "Day pass", "Valid until 31 Dec 2026",
                    "https://wifi.example.net/portal/lobby-ap?voucher=" + code));
        }
        return cards;
    }

    @Test
    void pdfCarriesEveryCodeAndPlanOnPagesOfTwelveCards() throws Exception {
        List<VoucherCard> cards = cards(14);
        var out = new ByteArrayOutputStream();
        VoucherPdf.write("Lobby vouchers", cards, out);

        PdfReader reader = new PdfReader(out.toByteArray());
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        String text = extractor.getTextFromPage(1) + "\n" + extractor.getTextFromPage(2);
        for (VoucherCard card : cards) {
            assertThat(text).contains(card.code());
        }
        assertThat(text).contains("Day pass").contains("Valid until 31 Dec 2026");
    }

    @Test
    void pdfQrCodesDecodeToThePortalAddressWithTheCode() throws Exception {
        List<VoucherCard> cards = cards(2);
        var out = new ByteArrayOutputStream();
        VoucherPdf.write("Lobby vouchers", cards, out);

        PdfReader reader = new PdfReader(out.toByteArray());
        PdfDictionary xobjects = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.XOBJECT);
        List<String> decoded = new ArrayList<>();
        for (PdfName name : xobjects.getKeys()) {
            PRStream stream = (PRStream) reader.getPdfObject(xobjects.get(name));
            String content = new String(PdfReader.getStreamBytes(stream), java.nio.charset.StandardCharsets.ISO_8859_1);
            List<int[]> squares = squares(PDF_SQUARE.matcher(content));
            if (!squares.isEmpty()) {
                int size = stream.getAsArray(PdfName.BBOX).getAsNumber(2).intValue();
                // PDF rows count from the bottom.
                decoded.add(decode(squares.stream().map(s -> new int[] {s[0], size - 1 - s[1]}).toList(), size));
            }
        }
        assertThat(decoded).containsExactlyInAnyOrder(cards.get(0).portalUrl(), cards.get(1).portalUrl());
    }

    @Test
    void svgQrCodeDecodesToItsTextAndNamesItself() throws Exception {
        String url = "https://wifi.example.net/portal/lobby-ap?voucher=K7M4QA9XPT";
        String svg = QrCodes.svg(url, "QR code for voucher K7M4QA9XPT");

        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("aria-label=\"QR code for voucher K7M4QA9XPT\"");
        int size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) \\d+\".*", "$1"));
        assertThat(decode(squares(SVG_SQUARE.matcher(svg)), size)).isEqualTo(url);
    }

    private static List<int[]> squares(Matcher m) {
        List<int[]> squares = new ArrayList<>();
        while (m.find()) {
            squares.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        return squares;
    }

    /** Rasterises unit squares (4 pixels per module, white elsewhere) and decodes them with ZXing. */
    private static String decode(List<int[]> squares, int size) throws Exception {
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        for (int[] s : squares) {
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(s[1] * scale + dy) * size * scale + s[0] * scale + dx] = 0;
                }
            }
        }
        var source = new RGBLuminanceSource(size * scale, size * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
