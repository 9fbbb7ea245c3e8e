import { readFile } from 'node:fs/promises';
import type { Bundle } from '@opora/runtime/definitions';
import { templateBundlePath } from '@opora/server/testing/template';
import type { Harness } from '@opora/server/testing/test-app';

const syllables = [
  'ка',
  'ло',
  'ми',
  'ра',
  'ве',
  'ст',
  'ур',
  'но',
  'ти',
  'пе',
  'ль',
  'го',
  'за',
  'ки',
  'ден',
  'тор',
  'мас',
  'вик',
];

/** Pseudo-Russian words, `count` of them, each a few syllables: the long tail of a big knowledge base. */
function tailWords(count: number): string[] {
  const words = new Set<string>();
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  while (words.size < count)
    words.add(Array.from({ length: 3 + (next() % 3) }, () => syllables[next() % syllables.length]).join(''));
  return [...words];
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');

/**
 * Fills kb_article with `count` generated Russian articles built from the template's real sentences plus a
 * long tail of rare words (chosen log-uniformly, so some words are in a handful of articles and the common
 * ones in tens of thousands). Generated inside the database: minutes, not hours, for 100,000.
 */
export async function generateArticles(h: Harness, count: number): Promise<void> {
  const bundle = JSON.parse(await readFile(templateBundlePath('support-desk'), 'utf8')) as Bundle;
  const articles = bundle.knowledgeBase!.articles;
  const sentences = articles
    .flatMap((a) => textOf(a.body).split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
  const titles = articles.map((a) => a.title);
  const summaries = articles.map((a) => a.summary ?? a.title);
  const tail = tailWords(50_000);
  const db = h.db;
  await db.query('create table if not exists bench_text (kind text, n integer, text text)');
  await db.query('delete from bench_text');
  for (const [kind, list] of [
    ['s', sentences],
    ['t', titles],
    ['m', summaries],
    ['w', tail],
  ] as const)
    for (let i = 0; i < list.length; i += 1000)
      await db.query(
        `insert into bench_text (kind, n, text) select ?, ? + o::int - 1, t from unnest(?::text[]) with ordinality as x(t, o)`,
        [
          kind,
          i,
          `{${list
            .slice(i, i + 1000)
            .map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
            .join(',')}}`,
        ],
      );
  const [counts] = await db.query<{ s: number; t: number; m: number; w: number }>(
    `select count(*) filter (where kind = 's')::int as s, count(*) filter (where kind = 't')::int as t,
            count(*) filter (where kind = 'm')::int as m, count(*) filter (where kind = 'w')::int as w from bench_text`,
  );
  const { s, t, m, w } = counts!;
  const pick = (kind: string, size: number) =>
    `(select text from bench_text where kind = '${kind}' and n = floor(random() * ${size})::int + 0 * g)`;
  const rare = `(select text from bench_text where kind = 'w' and n = floor(exp(random() * ln(${w})))::int - 1 + 0 * g)`;
  const batch = 5000;
  for (let start = 0; start < count; start += batch) {
    await db.query(
      `insert into kb_article (id, key, title, summary, body, body_text, tags, tags_text, audience, state, views, popularity, published_at)
       select gen_random_uuid(), 'bench-' || g, d.title, d.summary, '<p>' || d.body || '</p>', d.body, '{}', '', 'public',
              'published', v.views, ln(1 + v.views), now()
       from generate_series(?::int, ?::int) as g,
       lateral (select ${pick('t', t)} || ' ' || ${rare} as title, ${pick('m', m)} as summary,
                       concat_ws(' ', ${Array.from({ length: 10 }, () => pick('s', s)).join(', ')}, ${Array.from({ length: 6 }, () => rare).join(', ')}) as body) d,
       lateral (select floor(random() * 5000 + 0 * g)::int as views) v`,
      [start + 1, Math.min(count, start + batch)],
    );
  }
  await db.query(
    `insert into kb_word (word, ndoc) select word, ndoc from ts_stat('select to_tsvector(''simple'', title || '' '' || summary) from kb_article')
     where length(word) between 3 and 30 on conflict (word) do nothing`,
  );
  await db.query('analyze kb_article');
}
