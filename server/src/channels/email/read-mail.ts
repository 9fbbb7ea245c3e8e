import { createHash } from 'node:crypto';
import {
  type InboundFile,
  type InboundParse,
  messageLimits,
  stripQuotedReply,
} from '@opora/runtime/conversations';
import { type AddressObject, simpleParser } from 'mailparser';
import { mailLimits } from './email-settings.js';

/**
 * What an inbound e-mail means for a conversation: who wrote (the From address is the client's identity in this
 * channel), its own Message-ID (what makes a redelivery idempotent) and the ids it answers (In-Reply-To,
 * References: what threads it into its conversation), the new text without the quoted thread, and its files.
 *
 * Refused before parsing: messages over the size limit, and header blocks of absurd size (a 10 MB header would
 * otherwise be parsed in full). Ignored: automatic replies and bounces, which would otherwise answer our answers
 * forever (RFC 3834 `Auto-Submitted`, the usual vendor headers, mailer daemons).
 */
export async function readMail(raw: Buffer): Promise<InboundParse> {
  if (raw.byteLength > mailLimits.messageBytes) return { ok: false, reason: 'message too large' };
  const headerEnd = headerBlockEnd(raw);
  if (headerEnd < 0) return { ok: false, reason: 'no header block within the limit' };
  const parsed = await simpleParser(raw, {
    maxHtmlLengthToParse: mailLimits.htmlChars,
    skipImageLinks: true,
  });
  const from = firstAddress(parsed.from);
  if (!from?.address) return { ok: false, reason: 'no sender address' };
  if (isAutomatic(parsed.headers, from.address))
    return { ok: true, ignored: 'automatic reply', messages: [] };
  const threadIds = [parsed.inReplyTo, ...references(parsed.references)];
  const replyTo = [...new Set(threadIds.filter((id): id is string => Boolean(id)))];
  const files = attachments(parsed.attachments);
  if (typeof files === 'string') return { ok: false, reason: files };
  const text = stripQuotedReply(parsed.text ?? '').slice(0, messageLimits.text);
  if (!text && !files.length) return { ok: true, ignored: 'empty message', messages: [] };
  return {
    ok: true,
    messages: [
      {
        from: {
          externalId: from.address.toLowerCase(),
          email: from.address,
          displayName: from.name || undefined,
        },
        externalMessageId: parsed.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
        message: { text, parts: [], attachments: [] },
        files,
        ...(replyTo.length ? { replyTo: replyTo.slice(0, 50) } : {}),
        ...(parsed.subject ? { subject: parsed.subject.slice(0, 300) } : {}),
        ...(parsed.date ? { sentAt: parsed.date.getTime() } : {}),
      },
    ],
  };
}

/** Where the header block ends (the first empty line), or -1 when it is longer than the limit. */
function headerBlockEnd(raw: Buffer): number {
  const window = raw.subarray(0, mailLimits.headerBytes);
  const crlf = window.indexOf('\r\n\r\n');
  if (crlf >= 0) return crlf;
  const lf = window.indexOf('\n\n');
  if (lf >= 0) return lf;
  return raw.byteLength <= mailLimits.headerBytes ? raw.byteLength : -1;
}

function firstAddress(value: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value)[0];
}

function references(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? value.split(/\s+/).filter(Boolean) : [];
}

function isAutomatic(headers: Map<string, unknown>, from: string): boolean {
  const submitted = String(headers.get('auto-submitted') ?? 'no').toLowerCase();
  if (submitted !== 'no') return true;
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return true;
  const precedence = String(headers.get('precedence') ?? '').toLowerCase();
  if (precedence === 'bulk' || precedence === 'auto_reply' || precedence === 'junk') return true;
  return /^(mailer-daemon|postmaster)@/i.test(from);
}

/**
 * The message's files, or why they are refused: more than the channel takes, or one above the size limit. A mail
 * is taken whole or not at all — keeping some of its files would hide from the operator what the client sent.
 */
function attachments(
  list: { filename?: string; contentType: string; content: Buffer }[],
): InboundFile[] | string {
  if (list.length > messageLimits.attachments)
    return `too many attachments (at most ${messageLimits.attachments})`;
  if (list.some((file) => file.content.byteLength > messageLimits.attachmentBytes))
    return `attachment too large (at most ${messageLimits.attachmentBytes / 1024 / 1024} MB each)`;
  return list.map((file) => ({
    name: (file.filename ?? 'attachment').slice(0, 255),
    contentType: file.contentType.slice(0, 255),
    bytes: new Uint8Array(file.content),
  }));
}
