import { isVisibleText, overlaps, sceneItems } from '../markers/sceneBoxes.js';

/**
 * How many pairs of visible text items of a drawn Vega scene (its
 * scenegraph, boxes in px) overlap (sceneBoxes' `overlaps`, 0.5 px
 * tolerance). drawSocialCard compares a squeezed card layout with the
 * unsqueezed one: a table's stacked lines keep their offsets when its rows
 * are squeezed, so a row's second line runs into the next row's first (a
 * Reuters/FT review, 2026: the French china-supplies square card, once it
 * kept its notes). Quadratic in the text items: a card's chart has few.
 */
export function textCollisions(scenegraph: unknown): number {
  const texts = sceneItems(scenegraph).filter(isVisibleText);
  let count = 0;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) if (overlaps(texts[i]!.box, texts[j]!.box)) count++;
  }
  return count;
}
