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
  // xorshift32 on 32-bit integers: deterministic, and exact (float LCG arithmetic loses bits and cycles early).
  let seed = 2463534242;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    return seed;
  };
  // 18 syllables in 3–5 places give ~2 million words, so this ends quickly.
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
  await db.query(
    'create table if not exists bench_text (kind text, n integer, text text, primary key (kind, n))',
  );
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
  const { s: sentenceCount, t, m, w } = counts!;
  // The random positions are drawn first, so each lookup below is an index probe (a volatile expression
  // inside the lookup would make every one of them a scan).
  const draws = [
    `floor(random() * ${t})::int as t0`,
    `floor(random() * ${m})::int as m0`,
    ...Array.from({ length: 10 }, (_, i) => `floor(random() * ${sentenceCount})::int as s${i}`),
    ...Array.from({ length: 7 }, (_, i) => `floor(exp(random() * ln(${w})))::int - 1 as w${i}`),
    'floor(random() * 5000)::int as views',
  ];
  const at = (kind: string, column: string) =>
    `(select text from bench_text where kind = '${kind}' and n = r.${column})`;
  const bodySentences = Array.from({ length: 10 }, (_, i) => at('s', `s${i}`)).join(', ');
  const rare = Array.from({ length: 6 }, (_, i) => at('w', `w${i + 1}`)).join(', ');
  const batch = 5000;
  for (let start = 0; start < count; start += batch) {
    await db.query(
      `insert into kb_article (id, key, title, summary, body, body_text, tags, tags_text, audience, state, views, popularity, published_at)
       select gen_random_uuid(), 'bench-' || g, d.title, d.summary, '<p>' || d.body || '</p>', d.body, '{}', '', 'public',
              'published', r.views, ln(1 + r.views), now()
       from generate_series(?::int, ?::int) as g,
       lateral (select ${draws.join(', ')}, g as seed) r,
       lateral (select ${at('t', 't0')} || ' ' || ${at('w', 'w0')} as title, ${at('m', 'm0')} as summary,
                       concat_ws(' ', ${bodySentences}, ${rare}) as body) d`,
      [start + 1, Math.min(count, start + batch)],
    );
  }
  await db.query(
    `insert into kb_word (word, ndoc) select word, ndoc from ts_stat('select to_tsvector(''simple'', title || '' '' || summary) from kb_article')
     where length(word) between 3 and 30 on conflict (word) do nothing`,
  );
  await db.query('analyze kb_article');
}
