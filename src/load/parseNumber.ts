// The only way a cell becomes a number. Deliberately narrow: "1,234", "90 %"
// or "0x10" are not numbers here, so a figure is never misread silently
// (thousands separators and percent cells come with a later issue).
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The number a cell holds, or undefined when it is not a plain number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}
