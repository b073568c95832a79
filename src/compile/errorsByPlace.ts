import type { ErrorObject } from 'ajv';

/** Keywords whose error only says that every branch failed; the branches' own errors say how. */
const SUMMARY = new Set(['anyOf', 'oneOf']);

/** `/a/0` is `/a` or inside it. */
const within = (path: string, place: string) => path === place || path.startsWith(`${place}/`);

/**
 * ajv's errors (compiled with allErrors) as one group per mistake, in their
 * order: an `anyOf` or `oneOf` that failed comes with the errors of each of
 * its branches ("must be equal to constant", "must be array", "must match a
 * schema in anyOf" for one wrong value), and those form one group, which
 * describeSchemaError turns into one sentence; any other error is a group of
 * its own.
 *
 * How: ajv pushes a branch's errors while it tries it, and the summary error
 * right after the last branch failed, so a summary's branch errors are the
 * run just before it whose paths lie at or inside the summary's. Summaries
 * are taken from the last, so an outer one gathers the inner ones.
 */
export function errorsByPlace(errors: readonly ErrorObject[]): ErrorObject[][] {
  const groupOf = new Array<number | undefined>(errors.length);
  for (let i = errors.length - 1; i >= 0; i--) {
    const summary = errors[i]!;
    if (groupOf[i] !== undefined || !SUMMARY.has(summary.keyword)) continue;
    groupOf[i] = i;
    for (let j = i - 1; j >= 0 && groupOf[j] === undefined && within(errors[j]!.instancePath, summary.instancePath); j--) groupOf[j] = i;
  }
  const groups = new Map<number, ErrorObject[]>();
  errors.forEach((error, i) => {
    const key = groupOf[i] ?? i;
    const group = groups.get(key);
    if (group) group.push(error);
    else groups.set(key, [error]);
  });
  // In the order of each group's first error, as ajv met them.
  return [...groups.values()];
}
