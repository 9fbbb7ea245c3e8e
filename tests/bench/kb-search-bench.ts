import type { Harness } from '@opora/server/testing/test-app';
import { designerCodeInPortal, designerDist, portalDist, startPageBytes } from '../support/portal-bundle.js';
import { generateArticles } from './kb-corpus.js';
import { measure, measureInterleaved, type Row } from './measure.js';

/** Query classes a portal sees; the broad ones match tens of thousands of the 100,000 articles. */
const classes: { name: string; queries: string[] }[] = [
  { name: 'broad: one common word', queries: ['пароль', 'заказ', 'доставка', 'оплата', 'кабинет'] },
  { name: 'broad: inflected', queries: ['паролями', 'заказов', 'доставке', 'оплатой', 'кабинета'] },
  {
    name: 'broad: two words',
    queries: ['сменить пароль', 'статус заказа', 'оплата картой', 'личный кабинет'],
  },
  { name: 'broad: misspelt', queries: ['пороль', 'закас', 'доствка', 'аплата'] },
  { name: 'medium: a few thousand', queries: ['госуслуги', 'аватар', 'счёт-фактура', 'двухфакторная'] },
  { name: 'narrow: rare words', queries: [] },
  { name: 'nothing found (recorded)', queries: ['zzzz qqq', 'квантовый телепорт', 'xylophone'] },
];
const targetP95Ms = 30;

/**
 * Search latency over a generated knowledge base, through the API, against a bare `tsvector @@ query` (LIMIT 10,
 * no ranking) on the same data in the same run; and, for reference, the naive `ORDER BY ts_rank` of a broad query.
 */
export async function kbSearchBenchmarks(h: Harness, articles: number, runs: number): Promise<Row[]> {
  const started = Date.now();
  await generateArticles(h, articles);
  const generatedIn = ((Date.now() - started) / 1000).toFixed(0);
  const rare = await h.db.query<{ word: string }>(
    'select word from kb_word where ndoc between 2 and 20 and length(word) > 6 order by word limit 5',
  );
  classes.find((c) => c.name.startsWith('narrow'))!.queries = rare.map((r) => r.word);
  const search = async (q: string) => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/portal/kb/search?q=${encodeURIComponent(q)}`,
    });
    if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
  };
  const bare = (q: string) =>
    h.db.query(`select id from kb_article where search_vec @@ plainto_tsquery('russian', ?) limit 10`, [q]);
  const rows: Row[] = [];
  for (const { name, queries } of classes) {
    const matches = await Promise.all(
      queries.map(async (q) =>
        Number(
          (
            await h.db.query<{ n: string }>(
              `select count(*) as n from kb_article where search_vec @@ plainto_tsquery('russian', ?)`,
              [q],
            )
          )[0]!.n,
        ),
      ),
    );
    const pick = (i: number) => queries[Math.abs(i) % queries.length]!;
    const [ours, baseline] = await measureInterleaved([(i) => search(pick(i)), (i) => bare(pick(i))], runs, {
      warmup: 10,
    });
    rows.push({
      benchmark: `search, ${name} (${Math.min(...matches)}–${Math.max(...matches)} matches)`,
      figure: `p50 ${ours.medianMs.toFixed(1)} / p95 ${ours.p95Ms.toFixed(1)} ms${ours.p95Ms < targetP95Ms ? '' : ' (over 30 ms)'}`,
      baseline: `bare @@ LIMIT 10: p50 ${baseline.medianMs.toFixed(1)} / p95 ${baseline.p95Ms.toFixed(1)} ms`,
      ratio: `${(ours.p95Ms / Math.max(baseline.p95Ms, 0.01)).toFixed(1)}× (p95)`,
    });
  }
  const suggest = await measure(
    (i) =>
      h.app.inject({
        method: 'GET',
        url: `/api/v1/portal/kb/suggest?q=${encodeURIComponent(['па', 'зак', 'дост', 'смен'][Math.abs(i) % 4]!)}`,
      }),
    runs,
    { warmup: 10 },
  );
  const naive = await measure(
    (i) =>
      h.db.query(
        `select id from kb_article, plainto_tsquery('russian', ?) q where search_vec @@ q order by ts_rank(search_vec, q) desc limit 10`,
        [['пароль', 'заказ', 'доставка'][Math.abs(i) % 3]],
      ),
    10,
    { warmup: 1 },
  );
  rows.push({
    benchmark: 'suggestions as you type (2–4 letters)',
    figure: `p50 ${suggest.medianMs.toFixed(1)} / p95 ${suggest.p95Ms.toFixed(1)} ms`,
    baseline: `naive ORDER BY ts_rank, broad: p50 ${naive.medianMs.toFixed(0)} ms`,
    ratio: `${(naive.medianMs / suggest.medianMs).toFixed(0)}× faster`,
  });
  rows.push({
    benchmark: `(${articles} generated articles in ${generatedIn} s)`,
    figure: '',
    baseline: '',
    ratio: '',
  });
  return rows;
}

/** What a visitor downloads for the portal's home page, beside the designer's start page; no designer code in any portal chunk. */
export function portalBundleRows(): Row[] {
  const portal = startPageBytes(portalDist);
  const designer = startPageBytes(designerDist);
  const leaked = designerCodeInPortal();
  return [
    {
      benchmark: 'portal home page JS (gzip)',
      figure: `${(portal.js / 1024).toFixed(0)} KB JS + ${(portal.css / 1024).toFixed(0)} KB CSS`,
      baseline: `designer start page ${(designer.js / 1024).toFixed(0)} KB JS`,
      ratio: `${(portal.js / designer.js).toFixed(2)}×`,
    },
    {
      benchmark: 'designer code in portal chunks (Monaco, React Flow, TipTap)',
      figure: leaked.length ? leaked.join(', ') : 'none',
      baseline: '',
      ratio: '',
    },
  ];
}
