/**
 * The first name inside a full name as people write it: «Анна Смирнова» and «Anna Smith» start with it,
 * «Смирнова Анна Петровна» (surname, name, patronymic — the Russian official order) has it second.
 */
export function firstNameOf(fullName: string): string {
  const words = wordsOf(fullName);
  if (words.length === 3 && isPatronymic(words[2] as string)) return words[1] as string;
  return words[0] ?? '';
}

const patronymicEndings = ['вич', 'вна', 'ична', 'ьич'];

function isPatronymic(word: string): boolean {
  const lower = word.toLowerCase();
  return patronymicEndings.some((ending) => lower.endsWith(ending));
}

/** Splits on whitespace by scanning (names are user text: no patterns run over them). */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const char of text) {
    if (char.trim() === '') {
      if (word) words.push(word);
      word = '';
    } else word += char;
  }
  if (word) words.push(word);
  return words;
}
