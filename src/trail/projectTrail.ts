import type { Diagnostic } from '../model.js';
import type { Project } from '../project.js';
import { readCorrections, type Correction } from './readCorrections.js';
import { readPublished, type Published } from './readPublished.js';

export interface ProjectTrail {
  corrections: Correction[];
  published: Published;
  /** Problems in data/corrections.csv and published.json: errors fail every chart, as sources.csv's do. */
  diagnostics: Diagnostic[];
}

// Read once per project (one build), however many charts ask.
const loaded = new WeakMap<Project, Promise<ProjectTrail>>();

/** The project's correction log and publication record (src/trail/readCorrections.ts, readPublished.ts). */
export function projectTrail(project: Project): Promise<ProjectTrail> {
  let trail = loaded.get(project);
  if (!trail) {
    trail = Promise.all([readCorrections(project.cwd, project.sources), readPublished(project.cwd)]).then(([c, p]) => ({
      corrections: c.corrections,
      published: p.published,
      diagnostics: c.diagnostics.concat(p.diagnostics),
    }));
    loaded.set(project, trail);
  }
  return trail;
}
