/**
 * Greedy word wrap to `width` px using a real measuring function. The first
 * line may be shorter by `indent` (room for a bold lead-in). A word longer
 * than a line stays whole on its own line rather than being cut mid-word.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number, indent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    const room = width - (lines.length === 0 ? indent : 0);
    if (line && measure(candidate) > room) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
