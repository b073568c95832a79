import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { embedHtml } from '../../src/embed/embedHtml.js';
import { embedStyle } from '../../src/embed/embedStyle.js';
import { linkUrl } from '../../src/embed/linkUrl.js';
import { scriptJson } from '../../src/embed/scriptJson.js';
import { HOSTILE, hostileFacts, TINY_SVG } from './hostile.js';

const PNG = { file: 'hostile.png', width: 200, height: 100 };
const parse = (html: string) => parseDocument(html);
const byTag = (html: string, tag: string) => DomUtils.getElementsByTagName(tag, parse(html).children, true);

describe('embedHtml', () => {
  const html = embedHtml(hostileFacts(), [{ width: 200, svg: TINY_SVG('a') }], PNG);

  it('is one <figure> holding the style, the SVG, the fallback image, a caption, the data table and the JSON-LD', () => {
    const top = parse(html).children.filter((node) => node.type === 'tag');
    expect(top.map((node) => DomUtils.getName(node as never))).toEqual(['figure']);
    const figure = top[0] as never;
    const kids = DomUtils.getChildren(figure).filter((node) => node.type !== 'text').map((node) => DomUtils.getName(node as never));
    expect(kids).toEqual(['style', 'div', 'figcaption', 'div', 'script']);
    expect(byTag(html, 'svg')).toHaveLength(1);
    const [img] = byTag(html, 'img');
    expect(img!.attribs).toMatchObject({ src: 'hostile.png', alt: HOSTILE.alt, width: '200', height: '100' });
    // The image comes right after the SVG inside its artboard, where `svg ~ img` hides it.
    expect(DomUtils.prevElementSibling(img!)?.name).toBe('svg');
  });

  it('shows hostile text literally: titles, cells, citations and notes come back as written', () => {
    expect(DomUtils.textContent(byTag(html, 'figcaption')[0]!)).toContain(HOSTILE.title);
    const cells = byTag(html, 'table').flatMap((table) => DomUtils.getElementsByTagName('th', table).concat(DomUtils.getElementsByTagName('td', table)));
    const texts = cells.map((cell) => DomUtils.textContent(cell));
    expect(texts).toEqual(expect.arrayContaining(['name <b>', 'value', 'Source', 'Note', HOSTILE.cell, '1', HOSTILE.publisher, HOSTILE.quote, 'plain', '']));
  });

  it('reads the subtitle (dek) in the hidden caption, after the title', () => {
    const withDek = embedHtml({ ...hostileFacts(), subtitle: 'Used to produce missiles, tanks and aircraft' }, [{ width: 200, svg: TINY_SVG('a') }], PNG);
    const caption = DomUtils.textContent(byTag(withDek, 'figcaption')[0]!);
    expect(caption.indexOf('Used to produce missiles, tanks and aircraft')).toBeGreaterThan(caption.indexOf(HOSTILE.title));
  });

  it('says a source shared by every row once, in the caption, not on every row; keeps per-row sources that differ', () => {
    const base = hostileFacts();
    const same = { ...base.tables[0]!, rows: [{ values: ['China', 90], citation: 'Reuters, 2024', note: '' }, { values: ['Others', 10], citation: 'Reuters, 2024', note: '1. Calculated.' }] };
    const once = embedHtml({ ...base, tables: [same] }, [{ width: 200, svg: TINY_SVG('a') }], PNG);
    const [table] = byTag(once, 'table');
    const caption = DomUtils.textContent(DomUtils.getElementsByTagName('caption', table!)[0]!);
    expect(caption).toContain('Source: Reuters, 2024');
    const headers = DomUtils.getElementsByTagName('th', table!).filter((th) => th.attribs.scope === 'col').map((th) => DomUtils.textContent(th));
    expect(headers).not.toContain('Source');
    expect(once.split('Reuters, 2024').length - 1).toBe(1);
    // The hostile facts' rows cite different sources: each row keeps its own.
    const differing = DomUtils.getElementsByTagName('th', byTag(html, 'table')[0]!).map((th) => DomUtils.textContent(th));
    expect(differing).toContain('Source');
  });

  it('adds no element or attribute of its own from data: one script (JSON-LD), one image, no event handlers', () => {
    const all = DomUtils.getElementsByTagName(() => true, parse(html).children, true);
    expect(byTag(html, 'script').map((s) => s.attribs.type)).toEqual(['application/ld+json']);
    expect(byTag(html, 'img')).toHaveLength(1);
    for (const element of all) for (const name of Object.keys(element.attribs)) expect(name).not.toMatch(/^on/i);
  });

  it('links only http(s) source URLs, with rel="noopener", their quotes escaped', () => {
    const links = byTag(html, 'a');
    expect(links.map((a) => a.attribs)).toEqual([{ href: 'https://example.org/a%22onclick=%22window.__pwned=(window.__pwned||0)+1%22', rel: 'noopener' }]);
    // The javascript: source stays text.
    expect(DomUtils.textContent(byTag(html, 'figcaption')[0]!)).toContain(`1. ${HOSTILE.publisher}`);
  });

  it('keeps the JSON-LD inside its script: `</script>` in the data cannot close it, and it parses back unchanged', () => {
    const [script] = byTag(html, 'script');
    const json = DomUtils.textContent(script!);
    expect(json).not.toMatch(/<|>|&/);
    expect(JSON.parse(json)).toEqual(hostileFacts().jsonLd);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });

  it('writes the same bytes for the same facts', () => {
    expect(embedHtml(hostileFacts(), [{ width: 200, svg: TINY_SVG('a') }], PNG)).toBe(html);
  });

  it('links the PNG of a chart whose name is not URL-safe by its URL, so the browser fetches that file', () => {
    const file = 'Q3 #1 à 50%?.png';
    const [img] = byTag(embedHtml(hostileFacts(), [{ width: 200, svg: TINY_SVG('a') }], { ...PNG, file }), 'img');
    expect(img!.attribs.src).toBe('Q3%20%231%20%C3%A0%2050%25%3F.png');
    expect(decodeURIComponent(new URL(img!.attribs.src!, 'https://cms.example/page/').pathname)).toBe(`/page/${file}`);
  });

  it('has no fallback image when there is no PNG', () => {
    expect(byTag(embedHtml(hostileFacts(), [{ width: 200, svg: TINY_SVG('a') }], undefined), 'img')).toHaveLength(0);
  });
});

describe('artboards', () => {
  const html = embedHtml(hostileFacts(), [{ width: 320, svg: TINY_SVG('a', 320) }, { width: 640, svg: TINY_SVG('b', 640) }], PNG);

  it('puts every artboard in the figure, each with its own fallback image', () => {
    const arts = DomUtils.getElementsByTagName('div', parse(html).children, true).filter((d) => /-art-\d/.test(d.attribs.class ?? ''));
    expect(arts.map((d) => d.attribs['data-width'])).toEqual(['320', '640']);
    for (const art of arts) expect(DomUtils.getChildren(art).map((n) => DomUtils.getName(n as never))).toEqual(['svg', 'img']);
  });

  it('chooses between them with container queries on the graphic, scoped to this chart', () => {
    const css = embedStyle('cc-x-embed', [320, 640, 960]);
    expect(css).toContain('.cc-x-embed .cc-x-embed-graphic{container:cc-x-embed/inline-size}');
    expect(css).toContain('@container cc-x-embed (min-width:640px){.cc-x-embed .cc-x-embed-art{display:none}.cc-x-embed .cc-x-embed-art-1{display:block}}');
    expect(css).toContain('@container cc-x-embed (min-width:960px){.cc-x-embed .cc-x-embed-art{display:none}.cc-x-embed .cc-x-embed-art-2{display:block}}');
    // Every rule starts with the chart's class, so two snippets on one page do not meet.
    const selectors = css.replace(/@container[^{]*\{/g, '').split('}').map((rule) => rule.split('{')[0]!.trim()).filter(Boolean);
    for (const selector of selectors) expect(selector.startsWith('.cc-x-embed')).toBe(true);
  });

  it('makes a single chart no size container (a container in a float would be 0 wide)', () => {
    expect(embedStyle('cc-x-embed', [400])).not.toContain('container');
  });
});

describe('linkUrl', () => {
  it.each([
    ['https://example.org/x?a=1', 'https://example.org/x?a=1'],
    ['  http://example.org ', 'http://example.org/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['//example.org', undefined],
    ['example.org', undefined],
    ['', undefined],
  ])('linkUrl(%j) is %j', (url, expected) => {
    expect(linkUrl(url)).toBe(expected);
  });
});

describe('scriptJson', () => {
  it('escapes <, >, & and the line separators, and parses back to the same value', () => {
    const value = { a: '</script><!-- & -->', b: '\u2028\u2029' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
