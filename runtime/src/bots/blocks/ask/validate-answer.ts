import type { AttachmentRef } from '../../../conversations/message.js';
import { fileAccepted } from '../../../definitions/entity/file-field-rules.js';
import { compileSafePattern } from '../../../definitions/safe-regexp.js';
import type { Value } from '../../../forms/expressions/index.js';
import { chosenOption } from '../choice-options.js';
import type { AskBlock } from './schema.js';

export interface Answer {
  text: string;
  attachments?: AttachmentRef[];
  buttonId?: string;
}

/** Answers longer than this are read only this far (a variable keeps at most 10 KB anyway). */
const maxAnswerChars = 10_000;

/** The answer as the variable keeps it, or null when it does not pass the block's validation. */
export function validAnswer(block: AskBlock, answer: Answer): Value | null {
  const text = answer.text.slice(0, maxAnswerChars).trim();
  switch (block.input) {
    case 'text':
      if (!text) return null;
      if (block.pattern !== undefined && !matches(block.pattern, text)) return null;
      return text;
    case 'number':
      return numberAnswer(block, text);
    case 'email':
      return text.length <= 254 && emailPattern.test(text) ? text.toLowerCase() : null;
    case 'phone':
      return phoneAnswer(text);
    case 'date':
      return dateAnswer(text);
    case 'choice':
      return chosenOption(block.options ?? [], answer)?.id ?? null;
    case 'file':
    case 'photo':
      return fileAnswer(block, answer.attachments ?? []);
  }
}

function matches(pattern: string, text: string): boolean {
  try {
    return compileSafePattern(pattern).test(text);
  } catch {
    return false; // refused at publish; a stored draft with a broken pattern accepts nothing
  }
}

function numberAnswer(block: AskBlock, text: string): number | null {
  const normalized = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d{1,15}(\.\d{1,10})?$/.test(normalized)) return null;
  const n = Number(normalized);
  if (block.min !== undefined && n < block.min) return null;
  if (block.max !== undefined && n > block.max) return null;
  return n;
}

const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@.]{2,63}$/;

/** A phone as `+` and 10–15 digits; a Russian number written 8XXXXXXXXXX becomes +7XXXXXXXXXX. */
function phoneAnswer(text: string): string | null {
  if (!/^\+?[\d\s()-]{10,25}$/.test(text)) return null;
  let digits = text.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('8') && !text.startsWith('+')) digits = `7${digits.slice(1)}`;
  if (digits.length === 10 && !text.startsWith('+')) digits = `7${digits}`;
  return digits.length >= 10 && digits.length <= 15 ? `+${digits}` : null;
}

/** A date written dd.mm.yyyy or ISO yyyy-mm-dd, as ISO; 31.02 and other impossible days are refused. */
function dateAnswer(text: string): string | null {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = dotted
    ? [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!year || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fileAnswer(block: AskBlock, attachments: readonly AttachmentRef[]): Value | null {
  if (!attachments.length) return null;
  const accept = block.input === 'photo' && !block.accept?.length ? ['image/*'] : block.accept;
  const maxBytes = (block.maxSizeMb ?? 20) * 1024 * 1024;
  const fit = attachments.every(
    (file) => file.size <= maxBytes && fileAccepted(accept, file.name, file.contentType),
  );
  if (!fit) return null;
  return attachments.slice(0, 20).map((file) => ({ ...file }));
}
