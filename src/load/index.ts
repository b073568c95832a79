// The load stage: cited CSV tables and the sources they cite.
export { readSources } from './readSources.js';
export { readCitedTable } from './readCitedTable.js';
export { listDataFiles } from './listDataFiles.js';
export { parseNumber } from './parseNumber.js';
export { locateProjectFile } from './locateProjectFile.js';
