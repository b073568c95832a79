import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import { encodedFields } from '../compile/encodedFields.js';
import { valueAt } from '../compile/valueAt.js';
import { isRecord } from '../isRecord.js';
import { LIMITS } from '../limits.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { crowdedLabels } from './crowdedLabels.js';

/**
 * The `crowded-labels` error (rule of that name) for each axis of the drawn
 * chart that shows two neighbouring labels less than LIMITS.minLabelGap px
 * apart (crowdedLabels): they read as one label ("29 janv. février"). At
 * the setting of the spec that lets them crowd, when it writes one: the
 * channel's `axis.labelOverlap` false or `axis.labelSeparation` under the
 * gap, else a `config` axis style's; otherwise at the channel's field, the
 * message naming why Vega kept both (a nominal axis hides no label; any
 * other keeps its first and last). `width` names the artboard width it
 * happens at, when not the spec's own layout.
 */
export function crowdedLabelErrors(json: JsonFile, vegaLite: Record<string, unknown>, scenegraph: unknown, width?: number): Diagnostic[] {
  const fields = encodedFields(vegaLite, false);
  const found: Diagnostic[] = [];
  for (const crowd of crowdedLabels(scenegraph, LIMITS.minLabelGap)) {
    const channel = /(?:^|_)(x|y)$/.exec(crowd.scale)?.[1] ?? crowd.scale;
    const layer = /^layer_(\d+)_/.exec(crowd.scale)?.[1];
    const candidates = fields.filter((f) => f.channel === channel);
    const inLayer = layer === undefined ? candidates : candidates.filter((f) => f.jsonPath[0] === 'layer' && f.jsonPath[1] === Number(layer));
    const field = (inLayer.length ? inLayer : candidates)[0];
    const defPath = field?.jsonPath.slice(0, -1) ?? [];
    const setting = ownSetting(vegaLite, defPath.concat('axis')) ?? configSetting(vegaLite, channel);
    const def = valueAt(vegaLite, defPath);
    const nominal = isRecord(def) && (def.type === 'nominal' || def.type === 'ordinal') && def.timeUnit === undefined;
    const why = setting
      ? messages.checks.crowdedBySetting(setting.key, setting.value, LIMITS.minLabelGap)
      : messages.checks.crowdedByVega(nominal, channel, LIMITS.minLabelGap);
    const at: JSONPath = setting?.path ?? field?.jsonPath ?? [];
    found.push({ ...json.diagnostic(at, messages.checks.crowdedLabels(channel, crowd.first, crowd.second, crowd.gap, why, width)), rule: 'crowded-labels' });
  }
  return found;
}

interface Setting {
  key: 'labelOverlap' | 'labelSeparation';
  value: unknown;
  path: JSONPath;
}

/** `labelOverlap: false` or a `labelSeparation` under the least gap in the axis object at `path`, if it writes one. */
function ownSetting(root: Record<string, unknown>, path: JSONPath): Setting | undefined {
  const axis = valueAt(root, path);
  if (!isRecord(axis)) return undefined;
  if (axis.labelOverlap === false) return { key: 'labelOverlap', value: false, path: path.concat('labelOverlap') };
  if (typeof axis.labelSeparation === 'number' && axis.labelSeparation < LIMITS.minLabelGap) return { key: 'labelSeparation', value: axis.labelSeparation, path: path.concat('labelSeparation') };
  return undefined;
}

/** The same in the spec's `config`: the channel's own axis style first (`axisX`), then the others that apply to every axis or to a kind of axis. */
function configSetting(root: Record<string, unknown>, channel: string): Setting | undefined {
  const config = root.config;
  if (!isRecord(config)) return undefined;
  const own = `axis${channel.toUpperCase()}`;
  const styles = Object.keys(config).filter((key) => key === own || (/^axis[A-Z]?[a-z]*$/.test(key) && !/^axis[XY]$/.test(key)));
  styles.sort((a, b) => (a === own ? -1 : b === own ? 1 : 0));
  for (const style of styles) {
    const setting = ownSetting(root, ['config', style]);
    if (setting) return setting;
  }
  return undefined;
}
