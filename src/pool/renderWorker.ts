// A worker thread of the build's pool: opens the project once (sources,
// theme, each table read once per worker) and renders the charts it is given.
import { openProject, type Project } from '../project.js';
import { renderTask, type RenderOutcome, type RenderTask } from './renderTask.js';

let project: Promise<Project> | undefined;
let sharpLimited = false;

export default async function renderInWorker(task: RenderTask): Promise<RenderOutcome> {
  if (task.render.png !== false && !sharpLimited) {
    // Each worker is already one of the cores; libvips' own threads on top would only contend.
    const sharp = await (await import('../render/loadSharp.js')).loadSharp();
    sharp.concurrency(1);
    // libvips' operation cache (up to 50 MB, process-wide) never hits: every SVG is new.
    sharp.cache(false);
    sharpLimited = true;
  }
  project ??= openProject(task.cwd);
  return renderTask(await project, task);
}
