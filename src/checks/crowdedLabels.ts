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
 * to each other in tick order, stand less than `minGap` px apart: the gap
 * between their boxes (real font metrics, src/text), measured as Vega's own
 * overlap check (`labelOverlap`, `labelSeparation`) measures it. Vega hides
 * a label by setting its opacity to 0; those, and empty labels, are not
 * drawn and not compared. Labels turned at an angle other than a multiple
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
      const nearest = nearestPair((node.items ?? []) as LabelItem[]);
      if (nearest && nearest.gap < minGap) found.push({ scale: here, ...nearest });
      return;
    }
    for (const child of node.items ?? []) visit(child, here, node.role === 'axis');
  };
  visit(scenegraph as SceneNode, undefined, false);
  return found;
}

function nearestPair(labels: LabelItem[]): Omit<CrowdedLabels, 'scale'> | undefined {
  const shown = labels.filter((label) => label.opacity !== 0 && textOf(label) !== '' && label.bounds && square(label.angle));
  // Vega lays the labels out, and compares them, in tick order (the datum's index).
  shown.sort((a, b) => Number(a.datum?.index ?? 0) - Number(b.datum?.index ?? 0));
  let nearest: Omit<CrowdedLabels, 'scale'> | undefined;
  for (let i = 1; i < shown.length; i++) {
    const a = shown[i - 1]!.bounds!;
    const b = shown[i]!.bounds!;
    // As vega-view-transforms' Overlap: the largest of the four separations; below 0 the boxes overlap.
    const gap = Math.max(b.x1 - a.x2, a.x1 - b.x2, b.y1 - a.y2, a.y1 - b.y2);
    if (!nearest || gap < nearest.gap) nearest = { first: textOf(shown[i - 1]!), second: textOf(shown[i]!), gap };
  }
  return nearest;
}

const square = (angle: number | undefined) => !angle || angle % 90 === 0;

