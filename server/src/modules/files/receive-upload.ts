import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fail } from '../../http/app-error.js';
import { refusal } from '../../http/json/json-body.js';
import { pointerToken, textFault } from '../../http/json/json-value-fault.js';

/** What a multipart request may carry beside the file itself (boundaries, part headers, form fields). */
export const envelopeBytes = 16 * 1024;

/**
 * Receives a multipart upload of one file: the form fields before it are collected, then `store` decides where
 * the file goes (and may refuse it) before a byte of it is read, and streams it. A request declaring more than
 * `capBytes` is refused unread. A refused upload closes the connection, so the client stops sending the rest.
 * A form that breaks off or cannot be parsed (no boundary, truncated) is the client's 400, not our 500.
 */
export async function receiveUpload<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  cap: { bytes: number; mb: number },
  store: (fields: Record<string, string>, file: MultipartFile, declaredLength: number) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) throw fail.unsupportedMediaType();
  const declaredLength = Number(request.headers['content-length'] ?? Number.NaN);
  if (declaredLength > cap.bytes + envelopeBytes) {
    reply.header('connection', 'close');
    throw fail.fileTooLarge(cap.mb);
  }
  const fields: Record<string, string> = {};
  const parts = request.parts();
  for (let part = await nextPart(parts); part; part = await nextPart(parts)) {
    if (part.type === 'field') {
      fields[part.fieldname] = storableField(part.fieldname, String(part.value));
      continue;
    }
    try {
      return await store(fields, part, declaredLength);
    } catch (error) {
      const formBroke = brokenForm(part, error);
      part.file.destroy();
      reply.header('connection', 'close');
      throw formBroke ? fail.multipartMalformed() : error;
    }
  }
  throw fail.fileUploadInvalid('file_missing');
}

/**
 * Whether a failed store failed because the form broke off inside the file: the parser then fails the file's
 * stream (often before `store` even started reading). A full disk fails it too, but with a system error.
 */
function brokenForm(part: MultipartFile, error: unknown): boolean {
  return (
    Boolean(part.file.errored) &&
    !(error instanceof AppError) &&
    !(error instanceof Error && 'syscall' in error)
  );
}

/** The next part, with the parser's own failures (busboy's plain Errors) told as the client's. */
async function nextPart(parts: AsyncIterableIterator<Multipart>): Promise<Multipart | undefined> {
  try {
    const next = await parts.next();
    return next.done ? undefined : next.value;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    // @fastify/multipart's limits carry their own 4xx (rendered by the error handler); busboy's carry none.
    throw status && status < 500 ? error : fail.multipartMalformed();
  }
}

function storableField(name: string, value: string): string {
  const problem = textFault(name) ?? textFault(value);
  if (problem)
    throw refusal(
      'invalid_text',
      problem === 'nul' ? 'text_nul' : 'text_lone_surrogate',
      `/${pointerToken(name)}`,
    );
  return value;
}
