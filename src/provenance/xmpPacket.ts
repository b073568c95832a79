import { xmlText } from './escapeXml.js';

/** What citechart records in XMP: Dublin Core title, description and sources, and the full JSON-LD. */
export interface XmpFields {
  title: string;
  description: string;
  sources: string[];
  jsonLd: string;
}

/**
 * An XMP packet for the PNG: Dublin Core title, description and sources for
 * tools that read XMP, plus the full JSON-LD in a citechart property so the
 * PNG carries the same provenance as the SVG.
 */
export function xmpPacket(fields: XmpFields): string {
  return [
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    xmpDescription(fields),
    '</rdf:RDF>',
    '</x:xmpmeta>',
  ].join('');
}

/**
 * The packet's one `rdf:Description`, every value escaped: what the PDF's
 * metadata stream holds too (PDFKit writes the packet around it), so PNG
 * and PDF carry the same record.
 */
export function xmpDescription(fields: XmpFields): string {
  const alt = (text: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(text)}</rdf:li></rdf:Alt>`;
  return [
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:citechart="urn:citechart:xmp:1.0#">',
    `<dc:title>${alt(fields.title)}</dc:title>`,
    `<dc:description>${alt(fields.description)}</dc:description>`,
    `<dc:source>${xmlText(fields.sources.join('; '))}</dc:source>`,
    `<citechart:provenance>${xmlText(fields.jsonLd)}</citechart:provenance>`,
    '</rdf:Description>',
  ].join('');
}
