import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/** The content of a one-page clinical document. */
export interface PdfContent {
  hospital: string;
  title: string;
  patient: string;
  issuedAt: Date;
  author: string;
  /** Label/value rows shown under the title, e.g. medicine and dose. */
  rows?: ReadonlyArray<readonly [string, string]>;
  paragraphs: readonly string[];
  footer?: string;
}

const MARGIN = 56;
const INK = rgb(0.12, 0.16, 0.22);
const ACCENT = rgb(0.05, 0.42, 0.45);

/**
 * Renders a readable A4 PDF. The standard fonts cover WinAnsi only, so characters outside
 * it are replaced with "?" rather than failing the whole document.
 */
export async function renderPdf(content: PdfContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(content.title);
  pdf.setAuthor(content.author);
  pdf.setProducer("Berkas");
  pdf.setCreationDate(content.issuedAt);
  pdf.setModificationDate(content.issuedAt);

  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const { width, height } = page.getSize();
  let y = height - MARGIN;

  page.drawRectangle({ x: 0, y: height - 8, width, height: 8, color: ACCENT });
  draw(page, content.hospital, MARGIN, y, bold, 16, ACCENT);
  y -= 34;
  draw(page, content.title, MARGIN, y, bold, 20, INK);
  y -= 26;
  draw(page, `Patient: ${content.patient}`, MARGIN, y, regular, 11, INK);
  y -= 16;
  draw(
    page,
    `Issued: ${formatDate(content.issuedAt)} by ${content.author}`,
    MARGIN,
    y,
    regular,
    11,
  );
  y -= 30;

  for (const [label, value] of content.rows ?? []) {
    draw(page, label, MARGIN, y, bold, 11, INK);
    y = drawWrapped(page, value, MARGIN + 150, y, regular, 11, width - MARGIN * 2 - 150);
    y -= 8;
  }
  if (content.rows?.length) y -= 12;

  for (const paragraph of content.paragraphs) {
    y = drawWrapped(page, paragraph, MARGIN, y, regular, 11, width - MARGIN * 2);
    y -= 14;
  }

  if (content.footer) {
    draw(page, content.footer, MARGIN, MARGIN, regular, 9, rgb(0.4, 0.45, 0.5));
  }
  return pdf.save({ useObjectStreams: false });
}

function draw(
  page: PDFPage,
  text: string,
  x: number,
  y: number,
  font: PDFFont,
  size: number,
  color = INK,
) {
  page.drawText(toWinAnsi(text), { x, y, font, size, color });
}

function drawWrapped(
  page: PDFPage,
  text: string,
  x: number,
  y: number,
  font: PDFFont,
  size: number,
  maxWidth: number,
): number {
  let line = "";
  for (const word of toWinAnsi(text).split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > maxWidth && line) {
      page.drawText(line, { x, y, font, size, color: INK });
      y -= size * 1.45;
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) page.drawText(line, { x, y, font, size, color: INK });
  return y - size * 1.45;
}

function toWinAnsi(text: string): string {
  return text.replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022]/g, "?");
}

function formatDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}
