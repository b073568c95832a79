/**
 * Appends every item of each list to `target`, one by one, and returns it.
 * Spreading a list into `push` passes each item as an argument: a list of more than
 * about 120,000 items (the diagnostics of a CSV with that many bad rows)
 * overflows the call stack ("Maximum call stack size exceeded"). Only the
 * number of lists is spread here, never their items.
 */
export function pushAll<T>(target: T[], ...lists: readonly (readonly T[])[]): T[] {
  for (const list of lists) for (const item of list) target.push(item);
  return target;
}
