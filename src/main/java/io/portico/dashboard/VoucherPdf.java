package io.portico.dashboard;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import com.google.zxing.common.BitMatrix;

/**
 * Voucher cards as a PDF (OpenPDF): A4 pages of three by four cut-out cards, each with the
 * code, the plan, its validity and a vector QR code of the portal address. Written straight to
 * the response, so a batch of thousands never sits in memory as a whole.
 */
final class VoucherPdf {

    private static final int COLUMNS = 3;
    private static final float QR_SIZE = 96f;

    private VoucherPdf() {
    }

    static void write(String title, List<VoucherCard> cards, OutputStream out) {
        Document document = new Document(PageSize.A4, 24, 24, 24, 24);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("Portico");
        document.open();
        Font heading = new Font(Font.HELVETICA, 10, Font.NORMAL, Color.DARK_GRAY);
        Font codeFont = new Font(Font.COURIER, 15, Font.BOLD);
        Font small = new Font(Font.HELVETICA, 8.5f);
        document.add(new Paragraph(title, heading));
        PdfPTable table = new PdfPTable(COLUMNS);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        PdfContentByte canvas = writer.getDirectContent();
        for (VoucherCard card : cards) {
            PdfPCell cell = new PdfPCell();
            cell.setBorderColor(Color.LIGHT_GRAY);
            cell.setBorderWidth(0.5f);
            cell.setPadding(8);
            cell.setFixedHeight(186);
            Paragraph code = new Paragraph(card.code(), codeFont);
            code.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(code);
            Paragraph plan = new Paragraph(card.plan(), small);
            plan.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(plan);
            Paragraph validity = new Paragraph(card.validity(), small);
            validity.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(validity);
            Image qr = Image.getInstance(qr(canvas, card.portalUrl()));
            qr.setAlignment(Element.ALIGN_CENTER);
            qr.scaleAbsolute(QR_SIZE, QR_SIZE);
            cell.addElement(qr);
            table.addCell(cell);
        }
        table.completeRow();
        document.add(table);
        document.close();
    }

    /** The QR code as a vector template: one filled square per dark module, on white with its quiet zone. */
    private static PdfTemplate qr(PdfContentByte canvas, String text) {
        BitMatrix m = QrCodes.matrix(text);
        int size = m.getWidth() + 2 * QrCodes.QUIET_ZONE;
        PdfTemplate template = canvas.createTemplate(size, size);
        template.setColorFill(Color.WHITE);
        template.rectangle(0, 0, size, size);
        template.fill();
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    // PDF's y axis points up; the matrix's row 0 is the top.
                    template.rectangle(x + QrCodes.QUIET_ZONE, size - QrCodes.QUIET_ZONE - y - 1, 1, 1);
                }
            }
        }
        template.fill();
        return template;
    }

}
