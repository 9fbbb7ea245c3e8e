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
  й: 'j',
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
  х: 'h',
  ц: 'c',
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

/** A readable URL key from a (Russian or English) title: «Как сменить пароль» → `kak-smenit-parol`. */
export function slugFromTitle(title: string, maxLength = 60): string {
  const latin = [...title.toLowerCase()].map((ch) => cyrillic[ch] ?? ch).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `a-${slug}`.replace(/-+$/g, '');
}

/** Keys of knowledge-base articles and categories: lower-case latin, digits and hyphens, starting with a letter. */
export const contentKeyPattern = '^[a-z][a-z0-9-]{0,62}$';
