/**
 * The Snowball Russian stemmer (the algorithm PostgreSQL's `russian` configuration uses for the knowledge base's
 * search), so a routing keyword written as «счёт» matches «счета» and «счетом» the way search would. Expects a
 * lower-case word with ё already written as е (see `messageStems`); words without Cyrillic come back unchanged.
 */
const vowels = new Set('аеиоуыэюя');

const perfectiveGerund1 = ['вшись', 'вши', 'в'];
const perfectiveGerund2 = ['ившись', 'ывшись', 'ивши', 'ывши', 'ив', 'ыв'];
// biome-ignore format: word lists read best packed
const adjective = [
  'ими', 'ыми', 'его', 'ого', 'ему', 'ому', 'ее', 'ие', 'ые', 'ое', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым',
  'ом', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею',
];
const participle1 = ['ем', 'нн', 'вш', 'ющ', 'щ'];
const participle2 = ['ивш', 'ывш', 'ующ'];
const reflexive = ['ся', 'сь'];
// biome-ignore format: word lists read best packed
const verb1 = [
  'ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют', 'ны', 'ть', 'ешь', 'нно',
];
// biome-ignore format: word lists read best packed
const verb2 = [
  'ила', 'ыла', 'ена', 'ейте', 'уйте', 'ите', 'или', 'ыли', 'ей', 'уй', 'ил', 'ыл', 'им', 'ым', 'ен', 'ило',
  'ыло', 'ено', 'ят', 'ует', 'уют', 'ит', 'ыт', 'ены', 'ить', 'ыть', 'ишь', 'ую', 'ю',
];
// biome-ignore format: word lists read best packed
const noun = [
  'иями', 'ями', 'ами', 'ией', 'иям', 'ием', 'иях', 'ев', 'ов', 'ие', 'ье', 'еи', 'ии', 'ей', 'ой', 'ий', 'ям',
  'ем', 'ам', 'ом', 'ах', 'ях', 'ию', 'ью', 'ия', 'ья', 'а', 'е', 'и', 'й', 'о', 'у', 'ы', 'ь', 'ю', 'я',
];
const superlative = ['ейше', 'ейш'];
const derivational = ['ость', 'ост'];

/** The longest of `endings` the word ends with inside its region (from `start`), or ''. */
function longestEnding(word: string, start: number, endings: readonly string[]): string {
  let best = '';
  for (const ending of endings)
    if (ending.length > best.length && word.length - ending.length >= start && word.endsWith(ending))
      best = ending;
  return best;
}

/**
 * Removes the longest ending of the class: group 1 endings only after а or я (kept, and inside the region),
 * group 2 endings anywhere in the region. Returns the shorter word, or null when nothing was removed.
 */
function removeEnding(word: string, rv: number, group1: readonly string[], group2: readonly string[]) {
  const one = longestEnding(word, rv, group1);
  const two = longestEnding(word, rv, group2);
  if (two.length >= one.length && two) return word.slice(0, -two.length);
  if (!one) return null;
  const before = word.length - one.length - 1;
  if (before < rv || (word[before] !== 'а' && word[before] !== 'я')) return null;
  return word.slice(0, -one.length);
}

function removeAdjectival(word: string, rv: number): string | null {
  const ending = longestEnding(word, rv, adjective);
  if (!ending) return null;
  const stem = word.slice(0, -ending.length);
  return removeEnding(stem, rv, participle1, participle2) ?? stem;
}

/** Where RV starts (after the first vowel) and R2 (R1 of R1, R1 after the first non-vowel following a vowel). */
function regions(word: string): { rv: number; r2: number } {
  let rv = word.length;
  for (let i = 0; i < word.length; i++)
    if (vowels.has(word[i]!)) {
      rv = i + 1;
      break;
    }
  const r1 = afterVowelConsonant(word, 0);
  return { rv, r2: afterVowelConsonant(word, r1) };
}

function afterVowelConsonant(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++)
    if (!vowels.has(word[i]!) && vowels.has(word[i - 1]!)) return i + 1;
  return word.length;
}

/** The stem of one Russian word (Snowball Russian, steps 1–4). */
export function russianStem(word: string): string {
  if (!/[а-я]/.test(word)) return word;
  const { rv, r2 } = regions(word);
  let w = removeEnding(word, rv, perfectiveGerund1, perfectiveGerund2);
  if (w === null) {
    const reflexiveEnding = longestEnding(word, rv, reflexive);
    w = reflexiveEnding ? word.slice(0, -reflexiveEnding.length) : word;
    w =
      removeAdjectival(w, rv) ??
      removeEnding(w, rv, verb1, verb2) ??
      (() => {
        const ending = longestEnding(w, rv, noun);
        return ending ? w.slice(0, -ending.length) : w;
      })();
  }
  if (w.length > rv && w.endsWith('и')) w = w.slice(0, -1);
  const derived = longestEnding(w, Math.max(r2, rv), derivational);
  if (derived) w = w.slice(0, -derived.length);
  if (w.length - 2 >= rv && w.endsWith('нн')) return w.slice(0, -1);
  const superlativeEnding = longestEnding(w, rv, superlative);
  if (superlativeEnding) {
    w = w.slice(0, -superlativeEnding.length);
    return w.length - 2 >= rv && w.endsWith('нн') ? w.slice(0, -1) : w;
  }
  if (w.length > rv && w.endsWith('ь')) w = w.slice(0, -1);
  return w;
}
