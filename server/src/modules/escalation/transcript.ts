import type { AttachmentRef, AuthorKind } from '@opora/runtime/conversations';
import type { Locale } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';

/** A dialog's history as a request carries it: client-visible messages only (notes stay with the staff). */
export interface Transcript {
  text: string;
  attachments: AttachmentRef[];
  /** The client's first words, for a subject when the dialog has none. */
  firstClientText: string | null;
}

/** Enough for any real dialog; a longer one is cut, and the request still links to the whole dialog. */
export const transcriptLimits = { messages: 2_000, chars: 200_000, attachments: 50 } as const;

const authors: Record<Locale, Record<AuthorKind, string>> = {
  ru: { client: 'Клиент', operator: 'Оператор', bot: 'Бот', system: 'Система' },
  en: { client: 'Client', operator: 'Operator', bot: 'Bot', system: 'System' },
};

const stamp = (value: unknown) => new Date(value as string).toISOString().slice(0, 16).replace('T', ' ');

export async function transcriptOf(
  db: Database,
  conversationId: string,
  locale: Locale,
  em?: Em,
): Promise<Transcript> {
  const rows = await db.query<{
    author_kind: AuthorKind;
    text: string;
    attachments: unknown;
    created_at: unknown;
  }>(
    `select author_kind, text, attachments, created_at from message
      where conversation_id = ? and not internal order by seq limit ?`,
    [conversationId, transcriptLimits.messages],
    em,
  );
  const lines: string[] = [];
  const attachments: AttachmentRef[] = [];
  let firstClientText: string | null = null;
  for (const row of rows) {
    const files = (typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments) as
      | AttachmentRef[]
      | null;
    const names = (files ?? []).map((file) => `📎 ${file.name}`);
    for (const file of files ?? [])
      if (
        attachments.length < transcriptLimits.attachments &&
        !attachments.some((a) => a.fileId === file.fileId)
      )
        attachments.push(file);
    if (row.author_kind === 'client' && !firstClientText && row.text.trim())
      firstClientText = row.text.trim();
    const body = [row.text.trim(), ...names].filter(Boolean).join('\n');
    lines.push(`[${stamp(row.created_at)} UTC] ${authors[locale][row.author_kind]}: ${body}`);
  }
  return { text: lines.join('\n').slice(0, transcriptLimits.chars), attachments, firstClientText };
}
