import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AttachmentRefSchema, messageLimits } from '@opora/runtime/conversations';
import { fail } from '../../http/app-error.js';
import { ErrorResponse, errorResponses, IdParams } from '../../http/schemas.js';
import { cleanContentType, cleanFileName } from '../files/file-names.js';
import { SizeLimitExceeded } from '../files/file-store.js';
import { receiveUpload } from '../files/receive-upload.js';
import { contactCentre } from './contact-centre.js';

const capBytes = messageLimits.attachmentBytes;
const capMb = Math.floor(capBytes / (1024 * 1024));

/**
 * A file the operator drops or pastes into the answer: stored (content-addressed) before the answer is sent, so the
 * answer carries only its reference. Multipart is parsed in this plugin's scope only.
 */
export const answerUploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: capBytes + 1, files: 1, fields: 0, parts: 1, headerPairs: 20 },
  });
  app.post(
    '/conversations/:id/attachments',
    {
      config: { access: contactCentre },
      schema: {
        tags: ['conversations'],
        summary: `Upload one file (multipart, field "file", up to ${capMb} MB) for an answer in this conversation`,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: AttachmentRefSchema, 413: ErrorResponse, 415: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const [known] = await app.db.query('select 1 from conversation where id = ?', [request.params.id]);
      if (!known) throw fail.notFound('conversation');
      const ref = await receiveUpload(
        request,
        reply,
        { bytes: capBytes, mb: capMb },
        async (_fields, part) => {
          const blob = await app.fileStore.put(part.file, capBytes).catch((error: unknown) => {
            throw error instanceof SizeLimitExceeded ? fail.fileTooLarge(capMb) : error;
          });
          return {
            fileId: blob.sha256,
            name: cleanFileName(part.filename),
            contentType: cleanContentType(part.mimetype),
            size: blob.size,
          };
        },
      );
      return reply.status(201).send(ref);
    },
  );
};
