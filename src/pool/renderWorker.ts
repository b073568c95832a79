// A worker thread of the build's pool: opens the project once (sources,
// theme, each table read once per worker) and renders the charts it is given.
import { openProject, type Project } from '../project.js';
import { renderTask, type RenderOutcome, type RenderTask } from './renderTask.js';
import { sharpInWorkers } from '../render/loadSharp.js';

let project: Promise<Project> | undefined;
// sharp, if a chart loads it (right-to-left text), runs one thread per worker without its cache.
sharpInWorkers();

export default async function renderInWorker(task: RenderTask): Promise<RenderOutcome> {
  project ??= openProject(task.cwd);
  return renderTask(await project, task);
}
