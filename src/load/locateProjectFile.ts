import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a project-relative file really is: `missing`, `outside` (a
 * symbolic link, or a link in its folders, that leads out of the project: a
 * cloned repository can contain one) or `inside`. Path text alone cannot
 * tell; this asks the file system.
 */
export async function locateProjectFile(cwd: string, file: string): Promise<'inside' | 'outside' | 'missing'> {
  let real: string;
  try {
    real = await realpath(path.join(cwd, file));
  } catch {
    return 'missing';
  }
  const root = await realpath(cwd);
  return real.startsWith(root + path.sep) ? 'inside' : 'outside';
}
