// Typings for the two font packages that ship none (their README's API).
declare module 'fontverter' {
  /** Converts a font buffer to `truetype` (sfnt), `woff` or `woff2`. */
  export function convert(buffer: Buffer, format: 'truetype' | 'sfnt' | 'woff' | 'woff2'): Promise<Buffer>;
}

declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2';
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    noHinting?: boolean;
    keepFeatures?: string[];
    dropTables?: string[];
  }
  /** harfbuzz's hb-subset: a font with only the glyphs `text` needs (layout closure included). */
  export default function subsetFont(buffer: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
