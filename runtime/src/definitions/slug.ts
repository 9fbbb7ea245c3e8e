/** Russian letters in latin, close to how people spell them in addresses (ГОСТ 7.79-2000 «Б», simplified). */
const cyrillic: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Keys of knowledge-base articles and categories: lower-case latin, digits and hyphens, starting with a letter. */
export const contentKeyPattern = '^[a-z][a-z0-9-]{0,62}$';
const maxKeyLength = 63;

/** Latin letters for a Russian (or any) text, lower case; other characters kept as they are. */
export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => cyrillic[ch] ?? ch).join('');
}

/**
 * A readable URL key from a (Russian or English) title: «Как сменить пароль» → `kak-smenit-parol`. Words are
 * joined by dashes and cut at a word boundary to fit; a key must start with a letter, so a leading digit gets
 * `kb-` (`digitPrefix`: question-tree node ids may start with a digit and pass ''). Returns '' when the title has
 * nothing to make a key of.
 */
export function slugFromTitle(title: string, maxLength = maxKeyLength, digitPrefix = 'kb-'): string {
  let key = transliterate(title.normalize('NFC'))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!key) return '';
  if (!/^[a-z]/.test(key)) key = `${digitPrefix}${key}`;
  if (key.length > maxLength) {
    const cut = key.slice(0, maxLength + 1);
    const dash = cut.lastIndexOf('-');
    key = (dash > maxLength / 3 ? cut.slice(0, dash) : cut.slice(0, maxLength)).replace(/-+$/, '');
  }
  return key;
}
