/**
 * Where each value of a JSON text starts, by JSON pointer, so a problem reported as '/fields/2/type' can be
 * shown on its line. A small recursive-descent scan; on malformed text it returns what it found so far.
 */
export function locateJson(text: string): Map<string, number> {
  const found = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const value = (pointer: string): void => {
    ws();
    found.set(pointer, i);
    const c = text[i];
    if (c === '{') {
      i++;
      for (ws(); i < text.length && text[i] !== '}'; ws()) {
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== '"') return;
        const keyStart = i;
        const key = str().replace(/~/g, '~0').replace(/\//g, '~1');
        ws();
        if (text[i] !== ':') return;
        i++;
        value(`${pointer}/${key}`);
        if (!found.has(`${pointer}/${key}`)) found.set(`${pointer}/${key}`, keyStart);
      }
      i++;
    } else if (c === '[') {
      i++;
      let index = 0;
      for (ws(); i < text.length && text[i] !== ']'; ws()) {
        if (text[i] === ',') {
          i++;
          continue;
        }
        const before = i;
        value(`${pointer}/${index++}`);
        if (i === before) return;
      }
      i++;
    } else if (c === '"') str();
    else while (i < text.length && /[^,\]}\s]/.test(text[i]!)) i++;
  };
  value('');
  return found;
}

/** 1-based line of the value a pointer names, or of its nearest existing ancestor (a missing property). */
export function pointerToLine(text: string, pointer: string): number {
  const found = locateJson(text);
  let p = pointer;
  while (p && !found.has(p)) p = p.slice(0, p.lastIndexOf('/'));
  const offset = found.get(p) ?? 0;
  return text.slice(0, offset).split('\n').length;
}
