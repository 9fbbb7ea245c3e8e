import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../../http/app-error.js';

/** What a multipart request may carry beside the file itself (boundaries, part headers, form fields). */
export const envelopeBytes = 16 * 1024;

/**
 * Receives a multipart upload of one file: the form fields before it are collected, then `store` decides where
 * the file goes (and may refuse it) before a byte of it is read, and streams it. A request declaring more than
 * `capBytes` is refused unread. A refused upload closes the connection, so the client stops sending the rest.
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
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    try {
      return await store(fields, part, declaredLength);
    } catch (error) {
      part.file.destroy();
      reply.header('connection', 'close');
      throw error;
    }
  }
  throw fail.fileUploadInvalid('file_missing');
}
