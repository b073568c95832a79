/**
 * The gallery's file name in the output folder. Its own module so the build's
 * cache check and the leftover sweep name it without loading the page's
 * writer (writeGallery.ts and its HTML, citation and locale modules): the
 * launcher's up-to-date check (src/startup/upToDateBuild.ts) loads only
 * what a build with nothing to draw runs.
 */
export const GALLERY = 'index.html';
