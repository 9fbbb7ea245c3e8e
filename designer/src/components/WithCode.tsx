import { Fragment } from 'react';

/**
 * Help text with code inside it: the parts between backticks (`ctx.secret(имя)`, `*.example.ru`) are shown as code,
 * so they read as something to type, and screen readers and the Russian-UI check treat them as code, not words.
 */
export function WithCode({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, index) => {
        // The parts of one text never move, so their position is a stable key; odd ones sit between backticks.
        const key = `${index}:${part}`;
        return index % 2 === 1 ? <code key={key}>{part}</code> : <Fragment key={key}>{part}</Fragment>;
      })}
    </>
  );
}
