import sanitize from 'sanitize-html';

/** Video players an author may embed; anything else in an iframe is dropped. */
export const videoHosts = [
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'rutube.ru',
  'vk.com',
  'vkvideo.ru',
];

const options: sanitize.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'span',
    'div',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'mark',
    'small',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'video',
    'source',
    'iframe',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'colgroup',
    'col',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    video: ['src', 'controls', 'width', 'height', 'poster'],
    source: ['src', 'type'],
    iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'frameborder', 'allow'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    '*': ['data-type'],
  },
  // Relative links stay (/kb/…, /api/v1/kb/files/…); javascript:, data: and other schemes go.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  allowedIframeHostnames: videoHosts,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  // Text inside dropped <script>/<style> goes with them.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs:
        attribs.target === '_blank' ? { ...attribs, rel: 'noopener noreferrer' } : withoutTarget(attribs),
    }),
  },
};

function withoutTarget(attribs: sanitize.Attributes): sanitize.Attributes {
  const { target: _target, ...rest } = attribs;
  return rest;
}

/**
 * User-authored HTML as it may be stored and shown: scripts, styles, event handlers and `javascript:` (or any
 * non-web) URLs are removed; iframes only from known video players. Runs on every write, never on read.
 */
export function sanitizeHtml(html: string): string {
  return sanitize(html, options).trim();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point here
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/** The text of some HTML, for search and descriptions: tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  // Block boundaries become spaces, so cells, items and paragraphs never run into one word.
  const spaced = html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/(p|h[1-6]|li|tr|td|th|caption|div|blockquote|pre|figcaption|dt|dd)>/gi, '$& ');
  return (
    sanitize(spaced, {
      allowedTags: [],
      allowedAttributes: {},
      nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'],
    })
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      // Control characters are search's own highlight markers; stored text never carries them.
      .replace(controlCharacters, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
