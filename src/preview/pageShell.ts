import { html, trusted, type SafeHtml } from './html.js';

// One stylesheet for the static gallery and the watch pages, inline so
// output/index.html works opened from disk.
const STYLE = `
body { font-family: "Source Sans 3", "Source Sans Pro", "Helvetica Neue", Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 960px; padding: 1rem 1.5rem 3rem; color: #222; }
header h1 { font-size: 1.4rem; margin-bottom: .2rem; }
header p { color: #555; margin-top: 0; }
.chart { border-top: 1px solid #ddd; padding: 1rem 0; position: relative; }
.chart h2 { font-size: 1.15rem; }
.chart h2 small { color: #777; font-weight: normal; }
figure { margin: 0; }
.graphic { max-width: 100%; height: auto; }
.graphic svg { max-width: 100%; height: auto; }
.files, .sources, .warnings { font-size: .9rem; }
.source-id { color: #777; }
.overlay { background: #fff4f4; border: 2px solid #c0392b; border-radius: 4px; padding: .5rem 1rem; margin: .5rem 0 1rem; }
.overlay h2 { color: #c0392b; font-size: 1rem; margin: .3rem 0; }
.failed figure { opacity: .45; }
.diagnostics { list-style: none; padding: 0; }
.diagnostics code { white-space: pre-wrap; }
.diagnostics .error code { color: #a11; }
.diagnostics .warning code { color: #8a5a00; }
.index { list-style: none; padding: 0; }
.index li { padding: .4rem 0; }
.index img { display: block; max-width: 280px; height: auto; margin-top: .3rem; }
.index .status-failed { color: #c0392b; }
.missing { color: #777; font-style: italic; }
.png img { zoom: .5; max-width: 200%; }
.png summary { cursor: pointer; font-size: .9rem; }
`;

/** A whole HTML document; `script` is the URL of the live-update script (watch pages only). */
export function pageShell(options: { title: string; body: SafeHtml; script?: string }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>${trusted(STYLE)}</style>
${options.script ? html`<script src="${options.script}" defer></script>` : ''}
</head>
<body>
${options.body}
</body>
</html>
`.value;
}
