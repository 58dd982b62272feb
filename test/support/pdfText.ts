/** The text a PDF shows (pdfkit writes each run of text as hex strings in a TJ array; Hearth's PDFs are uncompressed). */
export function pdfText(pdf: Buffer): string {
  const runs = [...pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) => [...m[1]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
  return runs.join(' ');
}
