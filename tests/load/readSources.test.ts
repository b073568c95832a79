import { describe, expect, test } from 'vitest';
import { readSources } from '../../src/load/index.js';
import { format, project } from '../helpers/project.js';
import * as messagesOf from '../../src/messages.js';

const HEADER = 'id,publisher,authors,title,published,url,attribution';

async function read(content: string) {
  const cwd = await project({ 'data/sources.csv': content });
  const { sources, diagnostics } = await readSources(cwd);
  return { sources, messages: format(diagnostics) };
}

describe('readSources', () => {
  test('reads every field; authors split on ";"; optional columns may be present', async () => {
    const { sources, messages } = await read(
      `${HEADER},language,translator,accessed\n` +
        'reuters-2024-china-russia,Reuters,Steve Holland;  Susan Heavey ,"China, Russia",2024-04,https://www.reuters.com/x,"US officials, anonymously",fr,Zhifan Liu,2024-05-01\n',
    );
    expect(messages).toEqual([]);
    expect([...sources.values()]).toEqual([
      {
        id: 'reuters-2024-china-russia',
        publisher: 'Reuters',
        authors: ['Steve Holland', 'Susan Heavey'],
        title: 'China, Russia',
        published: '2024-04',
        url: 'https://www.reuters.com/x',
        attribution: 'US officials, anonymously',
        language: 'fr',
        translator: 'Zhifan Liu',
        accessed: '2024-05-01',
        line: 2,
        attributionAt: { line: 2, column: 115 },
      },
    ]);
  });

  test('missing optional columns read as empty text', async () => {
    const { sources, messages } = await read(`${HEADER}\nap,AP,,T,2024,http://ap.org,\n`);
    expect(messages).toEqual([]);
    expect(sources.get('ap')).toMatchObject({ authors: [], language: '', translator: '', accessed: '', attribution: '' });
  });

  // A misspelt optional column was ignored without a word: "langauge" and
  // "Translator" dropped "French version by" from every footer, exit 0.
  test('an optional column misspelt or capitalised is an error naming the column to write', async () => {
    const { messages } = await read(`${HEADER},langauge,Translator,accessed,desk notes\nap,AP,,T,2024,http://ap.org,,fr,Zhifan Liu,,x\n`);
    expect(messages).toEqual([
      `data/sources.csv:1:1: error: ${messagesOf.load.sourcesColumnMisnamed('langauge', 'language')}`,
      `data/sources.csv:1:1: error: ${messagesOf.load.sourcesColumnMisnamed('Translator', 'translator')}`,
    ]);
  });

  test('a missing sources.csv', async () => {
    const cwd = await project({});
    const { sources, diagnostics } = await readSources(cwd);
    expect(sources.size).toBe(0);
    expect(format(diagnostics)).toEqual(['data/sources.csv: error: file not found: data/sources.csv']);
  });

  // One error at the header naming them all (it was one line each, all at 1:1).
  test('missing required columns, each named in one error, and the rows still read', async () => {
    const { sources, messages } = await read('id,publisher,authors,title,published\nap,AP,,T,2024\n');
    expect(messages).toEqual([
      'data/sources.csv:1:1: error: sources.csv has no "url", "attribution" columns (its header: "id", "publisher", "authors", "title", "published"); ' +
        'its header must be id,publisher,authors,title,published,url,attribution (language, translator, accessed optional)',
    ]);
    expect(sources.get('ap')?.url).toBe('');
  });

  test('every field problem of the file in one call, at its cell', async () => {
    const { sources, messages } = await read(
      [
        HEADER,
        'ok,AP,,T,2024-02-29,https://a.org,', // 2: fine (leap day)
        ',AP,,T,2024,https://a.org,', // 3: empty id
        'Bad_Id,,,,2024,https://a.org,', // 4: bad slug, empty publisher and title
        'ok,AP,,T,2024,https://a.org,', // 5: duplicate
        'd1,AP,,T,2023-02-29,ftp://a.org,', // 6: no such day; not http(s)
        'd2,AP,,T,April 2024,,', // 7: not ISO; no url (warning)
        'd3,AP,,T,,https://a.org,', // 8: no date (warning)
      ].join('\n') + '\n',
    );
    expect(messages).toEqual([
      'data/sources.csv:3:1: error: the source\'s "id" is empty',
      'data/sources.csv:4:1: error: source id "Bad_Id" should be a short slug of lower-case letters, digits and dashes',
      'data/sources.csv:4:8: error: the source\'s "publisher" is empty',
      'data/sources.csv:4:10: error: the source\'s "title" is empty',
      'data/sources.csv:5:1: error: source id "ok" is already defined on line 2',
      'data/sources.csv:6:10: error: published "2023-02-29" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'data/sources.csv:6:21: error: url "ftp://a.org" is not an https:// or http:// address',
      'data/sources.csv:7:10: error: published "April 2024" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'data/sources.csv:7:21: warning: source "d2" has no url; readers cannot follow it',
      'data/sources.csv:8:10: warning: the source\'s "published" is empty',
    ]);
    // The first definition of a duplicated id wins; rows with an id are kept.
    expect([...sources.keys()]).toEqual(['ok', 'Bad_Id', 'd1', 'd2', 'd3']);
    expect(sources.get('ok')?.line).toBe(2);
  });

  test.each([
    ['2024-13', 'error'],
    ['2024-4', 'error'],
    ['24', 'error'],
    ['2024-04-12T10:00', 'error'],
  ])('accessed %j is checked like published', async (accessed) => {
    const { messages } = await read(`${HEADER},accessed\nap,AP,,T,2024,https://a.org,,${accessed}\n`);
    expect(messages).toEqual([
      `data/sources.csv:2:30: error: accessed "${accessed}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`,
    ]);
  });

  test('a url with spaces is malformed', async () => {
    const { messages } = await read(`${HEADER}\nap,AP,,T,2024,https://a.org/x y,\n`);
    expect(messages).toEqual([
      'data/sources.csv:2:15: error: url "https://a.org/x y" is not an https:// or http:// address',
    ]);
  });

  test('a url with a user name before "@" is an error: the link would go elsewhere than it reads', async () => {
    const { messages } = await read(`${HEADER}\nap,AP,,T,2024,https://www.reuters.com@evil.example/x,\nb,B,,T,2024,https://user:pw@example.org/,\nc,C,,T,2024,https://example.org/a@b,\n`);
    expect(messages).toEqual([
      'data/sources.csv:2:15: error: url "https://www.reuters.com@evil.example/x" holds a user name before "@", so the link goes to evil.example, not the address it seems to start with; write the source\'s own address',
      'data/sources.csv:3:13: error: url "https://user:pw@example.org/" holds a user name before "@", so the link goes to example.org, not the address it seems to start with; write the source\'s own address',
    ]);
  });
});
