/**
 * Words that carry how a visitor asks, not what about: «не могу войти», «подскажите, как сменить пароль». The
 * Russian stop-word list of PostgreSQL keeps them, so a query would demand them of every article and an answer
 * covering the rest would look partial. Compared as typed (lower case, ё as е), so the list is exact.
 */
const fillers = new Set([
  'могу',
  'можем',
  'можете',
  'могут',
  'смогу',
  'получается',
  'хочу',
  'хотим',
  'хотел',
  'хотела',
  'нужно',
  'нужен',
  'нужна',
  'подскажите',
  'подскажи',
  'помогите',
  'помоги',
  'скажите',
  'пожалуйста',
  'пожалуйсто',
  'пжлст',
  'плиз',
  'почему',
  'вообще',
  'очень',
  'просто',
  'делать',
  'сделать',
  'ли',
]);

/** The query's words without the asking ones, unless nothing would be left. */
export function withoutFillers<T extends { word: string }>(words: readonly T[]): T[] {
  const kept = words.filter((w) => !fillers.has(w.word));
  return kept.length ? kept : [...words];
}
