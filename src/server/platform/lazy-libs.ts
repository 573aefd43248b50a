import type ExcelJS from 'exceljs';

/**
 * Libraries only some requests need, loaded on first use: pdfkit and exceljs alone add about
 * 30 MB to every process that imports them, and a sending or tracking process never makes a PDF
 * or a spreadsheet (BENCHMARKS.md, phishing campaign memory).
 */
export async function pdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  return new PDFDocument(options);
}

export async function excelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
