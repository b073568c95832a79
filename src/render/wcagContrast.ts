import { rgb } from 'd3';

/**
 * WCAG 2.x contrast ratio of two CSS colours (or d3 colours), (L1 + 0.05) /
 * (L2 + 0.05) with L the relative luminance of each in sRGB: 1 (alike) to 21
 * (black on white). Opacity is not read: composite first.
 * https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
 */
export function contrast(a: Parameters<typeof rgb>[0], b: Parameters<typeof rgb>[0]): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). https://www.w3.org/TR/WCAG21/#dfn-relative-luminance */
function luminance(value: Parameters<typeof rgb>[0]): number {
  const { r, g, b } = rgb(value).clamp();
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
