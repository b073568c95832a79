// A bar chart whose bars carry their value as a text label, so a test can
// read the figure back from the SVG's text (and from the page in a browser).
export function labelledBarSpec(file = 'data/exports.csv'): string {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Widget exports by country',
    data: { url: file },
    width: 320,
    height: { step: 24 },
    encoding: {
      y: { field: 'country', type: 'nominal', sort: null, title: null },
      x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' },
    },
    layer: [
      { mark: 'bar' },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'exports', type: 'quantitative' } } },
    ],
    usermeta: { citechart: { credit: 'Graphic: Test desk' } },
  };
  return JSON.stringify(spec, null, 2) + '\n';
}
