import PDFDocument from 'pdfkit';

/**
 * A printable form as a PDF (pdfkit), A4 with the forms' margins: the document to write on, its
 * text width, and the file once written (call `pdf.end()` first). Streams are left uncompressed
 * (`compress: false`): the forms are small, and their text can be searched and checked.
 */
export function startPdf(info: { Title: string; Author?: string | null }) {
  const pdf = new PDFDocument({ size: 'A4', margin: 48, compress: false, info: { Title: info.Title, ...(info.Author ? { Author: info.Author } : {}) } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, done, width: pdf.page.width - 96 };
}
