/** What search engines and link previews read of a portal page before any script runs. */
export interface PageMeta {
  title: string;
  description: string;
  /** Sanitized HTML shown until the app starts (and to crawlers that run no script). */
  body?: string;
  type?: 'article' | 'website';
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The portal's index.html with the page's title, description and content in it. */
export function withPageMeta(html: string, meta: PageMeta, url: string): string {
  const title = escapeHtml(meta.title);
  const description = escapeHtml(meta.description.slice(0, 300));
  const head = [
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:type" content="${meta.type ?? 'website'}" />`,
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
  ].join('\n    ');
  // Function replacements: a string one would read `$&`, `$\``, `$'` in the page's text as patterns.
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      () => `<meta name="description" content="${description}" />`,
    )
    .replace('</head>', () => `    ${head}\n  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${meta.body ?? ''}</div>`);
}

/** An article page: its title and summary, and its text inside an <article>. */
export function articleMeta(
  article: { title: string; summary: string; body: string },
  siteName: string,
): PageMeta {
  return {
    title: `${article.title} — ${siteName}`,
    description: article.summary,
    body: `<article class="ssr-article"><h1>${escapeHtml(article.title)}</h1>${article.body}</article>`,
    type: 'article',
  };
}
