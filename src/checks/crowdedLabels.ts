import { itemText as textOf, type SceneNode } from '../render/sceneNode.js';

/** Two neighbouring labels of one axis drawn nearer than the least gap: the axis' scale name (`x`, `layer_1_y`…), both texts, the gap in px (negative: they overlap). */
export interface CrowdedLabels {
  scale: string;
  first: string;
  second: string;
  gap: number;
}

interface LabelItem extends SceneNode {
  opacity?: number;
  angle?: number;
  bounds?: { x1: number; x2: number; y1: number; y2: number };
}

/**
 * Every axis of a rendered Vega scenegraph two of whose shown labels, next
 * to each other in tick order, crowd: side by side less than `minGap` px
 * apart, or one over the other (gapBetween), their boxes measured with real
 * font metrics (src/text) as Vega's own overlap check (`labelOverlap`,
 * `labelSeparation`) measures them. Vega hides a label by setting its
 * opacity to 0; those, and empty labels, are not drawn and not compared. Labels turned at an angle other than a multiple
 * of 90° are skipped: their boxes overlap while the turned words do not.
 * One per axis, the nearest pair.
 */
export function crowdedLabels(scenegraph: unknown, minGap: number): CrowdedLabels[] {
  const found: CrowdedLabels[] = [];
  // An axis is a group mark of role `axis` whose one item's datum names its scale; its labels are a text mark of role `axis-label` inside.
  const visit = (node: SceneNode | undefined, axis: string | undefined, axisItem: boolean) => {
    if (!node || typeof node !== 'object') return;
    const scale = axisItem ? node.datum?.scale : undefined;
    const here = typeof scale === 'string' ? scale : axis;
    if (node.role === 'axis-label' && here !== undefined) {
      const nearest = nearestPair((node.items ?? []) as LabelItem[], minGap);
      if (nearest) found.push({ scale: here, ...nearest });
      return;
    }
    for (const child of node.items ?? []) visit(child, here, node.role === 'axis');
  };
  visit(scenegraph as SceneNode, undefined, false);
  return found;
}

/** The nearest pair of neighbouring shown labels that crowd (gapBetween), if any. */
function nearestPair(labels: LabelItem[], minGap: number): Omit<CrowdedLabels, 'scale'> | undefined {
  const shown = labels.filter((label) => label.opacity !== 0 && textOf(label) !== '' && label.bounds && square(label.angle));
  // Vega lays the labels out, and compares them, in tick order (the datum's index).
  shown.sort((a, b) => Number(a.datum?.index ?? 0) - Number(b.datum?.index ?? 0));
  let nearest: Omit<CrowdedLabels, 'scale'> | undefined;
  for (let i = 1; i < shown.length; i++) {
    const gap = gapBetween(shown[i - 1]!, shown[i]!, minGap);
    if (gap !== undefined && (!nearest || gap < nearest.gap)) nearest = { first: textOf(shown[i - 1]!), second: textOf(shown[i]!), gap };
  }
  return nearest;
}

/**
 * The gap in px between two labels' boxes when they crowd, else undefined.
 * Along their words (x for level labels, y for labels turned a quarter) they
 * crowd under `minGap`: "29 janv. février" reads as one phrase. Across their
 * words they are lines one above the other (a y axis' "10" over "15"), read
 * apart however near, and crowd only when the boxes overlap.
 */
function gapBetween(first: LabelItem, second: LabelItem, minGap: number): number | undefined {
  const a = first.bounds!;
  const b = second.bounds!;
  const x = Math.max(b.x1 - a.x2, a.x1 - b.x2);
  const y = Math.max(b.y1 - a.y2, a.y1 - b.y2);
  const turned = Math.abs(first.angle ?? 0) % 180 === 90;
  const [along, across] = turned ? [y, x] : [x, y];
  if (along >= minGap || across >= 0) return undefined;
  return along >= 0 ? along : Math.max(along, across);
}

const square = (angle: number | undefined) => !angle || angle % 90 === 0;

