/**
 * The layout every PDF report shares (A4 portrait, pdfkit points): margins, the usable width, the
 * line below which a page is full, the heading colour, and the section heading itself, so reports
 * of different modules read as one product.
 */
export type Doc = PDFKit.PDFDocument;
export const LEFT = 50;
export const WIDTH = 495;
export const BOTTOM = 842 - 60;
export const BLUE = '#1c3d5a';

/** A section heading that never sits alone at the foot of a page; the body text after it is `bodySize` points. */
export function headingWith(bodySize: number): (doc: Doc, text: string) => void {
  return (doc, text) => {
    if (doc.y > BOTTOM - 80) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(BLUE).text(text, LEFT, doc.y, { width: WIDTH }).moveDown(0.3);
    doc.font('Helvetica').fontSize(bodySize).fillColor('black');
  };
}
