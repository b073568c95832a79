/** Whether `value` is a JSON object (not null, not an array): the shape a spec's, theme's or cache file's object nodes have. */
export const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
