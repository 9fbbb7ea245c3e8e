import { describe, expect, it } from 'vitest';
import { articleMeta, withPageMeta } from './seo-html.js';

const index = `<!doctype html><html lang="ru"><head><meta name="description" content="Портал" /><title>Портал поддержки</title></head><body><div id="root"></div></body></html>`;

describe('withPageMeta', () => {
  it('puts the title, description and content where crawlers read them, escaped', () => {
    const meta = articleMeta(
      { title: 'Как сменить пароль "быстро"', summary: 'Шаги <за минуту>', body: '<p>Текст</p>' },
      'Поддержка',
    );
    const html = withPageMeta(index, meta, 'https://help.example/kb/kak-smenit-parol');
    expect(html).toContain('<title>Как сменить пароль &quot;быстро&quot; — Поддержка</title>');
    expect(html).toContain('<meta name="description" content="Шаги &lt;за минуту&gt;" />');
    expect(html).toContain('<meta property="og:type" content="article" />');
    expect(html).toContain('<link rel="canonical" href="https://help.example/kb/kak-smenit-parol" />');
    expect(html).toContain(
      '<div id="root"><article class="ssr-article"><h1>Как сменить пароль &quot;быстро&quot;</h1><p>Текст</p></article></div>',
    );
  });
});

describe('withPageMeta with replacement patterns in the text', () => {
  it('keeps "$`", "$\'" and "$&" in titles, descriptions and bodies as typed', () => {
    const pairs = "$`$'$&$$".repeat(200);
    const meta = articleMeta(
      { title: `Цены ${pairs}`, summary: pairs, body: `<p>${pairs}</p>` },
      'Поддержка',
    );
    const html = withPageMeta(index, meta, 'https://help.example/kb/ceny');
    const escaped = pairs.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
    // Booleans, not toContain: a failure would print a page of dollar signs.
    expect(html.includes(`<title>Цены ${escaped} — Поддержка</title>`)).toBe(true);
    expect(html.includes(`<h1>Цены ${escaped}</h1><p>${pairs}</p></article></div>`)).toBe(true);
    expect(html.length).toBeLessThan(index.length + 10 * pairs.length);
  });
});
