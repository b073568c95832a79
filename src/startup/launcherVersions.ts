// The build cache key's versions, found by the launcher while its child
// deserialises the startup snapshot (issue 15, item 3: cold start).
//
// Every build keys its charts on citechart's code hash and on ~35 packages'
// versions (cache/keyVersions.ts): ≈400 stats of dist/ against its stamp
// and ~35 package.json files found and read, 8–12 ms of the child's one
// thread before it can tell what to draw. The launcher has nothing to do
// from the spawn to the child's exit, and the child spends its first ≈40 ms
// deserialising the snapshot: the launcher looks them up then, on the other
// core, and sends them over the IPC channel the two already share. The child
// takes them if they come before it needs them (they do, by some 30 ms), and
// otherwise looks them up itself, as without a launcher: the same code on
// the same files either way, so the key is the same.
import { codeHash, seedCodeHash } from '../cache/codeHash.js';
import { UNRECORDED_PACKAGES } from '../cache/keyVersions.js';
import { knownPackageVersions, packageVersion, seedVersions, toolVersions } from '../provenance/versions.js';
import { fallbackVersions, seedFallbackVersions } from '../text/fallbackFonts.js';

/** The message's `type`, so the child never takes another message for it. */
export const VERSIONS_MESSAGE = 'citechart:key-versions';

/** What the launcher sends: each piece of keyVersions() as the module that owns it keeps it. */
export interface VersionsMessage {
  type: typeof VERSIONS_MESSAGE;
  /** toolVersions(). */
  tools: Record<string, string>;
  /** [name, packageVersion(name)] for every package looked up: keyVersions' others and toolVersions' (which the child asks for again). */
  packages: Array<[string, string]>;
  /** fallbackVersions(): `pkg@version`, in chain order. */
  fallbacks: string[];
  /** codeHash() of dist/. */
  code: string;
}

/**
 * Looks up what keyVersions() covers, in this process (the launcher).
 * @throws what those lookups throw (codeHash: dist/ cannot be listed).
 */
export function versionsMessage(): VersionsMessage {
  const tools = toolVersions();
  for (const name of UNRECORDED_PACKAGES) packageVersion(name);
  return { type: VERSIONS_MESSAGE, tools, packages: knownPackageVersions(), fallbacks: fallbackVersions(), code: codeHash() };
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** Whether `message` is a whole VersionsMessage (anything else on the channel is not one). */
export function isVersionsMessage(message: unknown): message is VersionsMessage {
  const m = message as Partial<VersionsMessage> | null;
  return (
    typeof m === 'object' && m !== null && m.type === VERSIONS_MESSAGE &&
    typeof m.tools === 'object' && m.tools !== null && Object.values(m.tools).every(isString) &&
    Array.isArray(m.packages) && m.packages.every((entry) => Array.isArray(entry) && entry.length === 2 && entry.every(isString)) &&
    Array.isArray(m.fallbacks) && m.fallbacks.every(isString) &&
    isString(m.code) && /^[0-9a-f]{64}$/.test(m.code)
  );
}

/**
 * In the child: takes a VersionsMessage's values as this process's own,
 * where it has not looked them up itself yet (what it has found stays).
 * @returns whether `message` was one.
 */
export function takeVersionsMessage(message: unknown): boolean {
  if (!isVersionsMessage(message)) return false;
  seedVersions(message.tools, message.packages);
  seedFallbackVersions(message.fallbacks);
  seedCodeHash(message.code);
  return true;
}
