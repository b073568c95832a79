// Typings for svg-to-pdfkit, which ships none (its README's API, the options citechart uses).
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    useCSS?: boolean;
    /** The PDFKit font name to draw a text element in. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxBold: boolean; fauxItalic: boolean }) => string;
    warningCallback?: (message: string) => void;
    assumePt?: boolean;
  }
  /** Draws `svg` (markup) into the PDFKit document at (x, y) pt. */
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
}
