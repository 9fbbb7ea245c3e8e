import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { fail } from '../../http/app-error.js';
import { ErrorResponse, errorResponses, IdParams } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import { contentDisposition } from './file-names.js';
import type { FileService } from './file-service.js';

const tags = ['files'];

const FileRefSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
  contentType: Type.String(),
});

// Room for the multipart framing around the file (boundaries, part headers, the two short fields): a request
// longer than the limit plus this cannot hold a file within the limit.
const envelopeBytes = 16 * 1024;

/**
 * Upload into a data type's file field, and download. Multipart parsing is registered here only, so no other
 * route accepts multipart bodies; the upload is streamed, never buffered, so the JSON body limit does not apply.
 */
export const fileRoutes: FastifyPluginAsyncTypebox<{ files: FileService }> = async (app, { files }) => {
  await app.register(fastifyMultipart, {
    // The size is enforced by the store per field; busboy's own cap is only a backstop just above the server's.
    throwFileSizeLimit: false,
    limits: {
      fileSize: files.capBytes + 1,
      files: 1,
      fields: 10,
      fieldSize: 1000,
      parts: 12,
      headerPairs: 20,
    },
  });
  // Records are read by staff (see record-routes); a file is offered to the same roles, then checked per file.
  const config = { access: staff };

  app.post(
    '/files',
    {
      config,
      schema: {
        tags,
        summary: 'Upload a file into a file field (multipart/form-data: entity, field, then the file)',
        description:
          'The field decides the limits: `maxSizeMb` (capped by the server’s FILE_MAX_MB) and `accept`. ' +
          'A forbidden type is refused before the content is read, an oversized file as soon as it passes the limit.',
        consumes: ['multipart/form-data'],
        response: {
          201: FileRefSchema,
          413: ErrorResponse,
          415: ErrorResponse,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw fail.unsupportedMediaType();
      const declaredLength = Number(request.headers['content-length'] ?? Number.NaN);
      if (declaredLength > files.capBytes + envelopeBytes)
        throw refuse(reply, fail.fileTooLarge(files.capMb));
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        try {
          const { entity, field } = fields;
          if (entity === undefined || field === undefined) throw fail.fileUploadInvalid('file_form_order');
          const target = await files.target(entity, field);
          if (declaredLength > target.limitBytes + envelopeBytes) throw fail.fileTooLarge(target.limitMb);
          const ref = await files.upload(
            target,
            part.file,
            { name: part.filename, contentType: part.mimetype },
            request.actor!,
          );
          return reply.status(201).send(ref);
        } catch (error) {
          part.file.destroy();
          throw refuse(reply, error);
        }
      }
      throw fail.fileUploadInvalid('file_missing');
    },
  );

  app.get(
    '/files/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Download a file (to its uploader, or to whoever may read a record holding it)',
        params: IdParams,
        produces: ['application/octet-stream'],
        response: {
          200: Type.Unknown({
            description: 'The content, as an attachment, with the type it was uploaded with',
          }),
          304: Type.Null({ description: 'Not modified (If-None-Match)' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const file = await files.find(request.params.id, request.actor!);
      // Content is addressed by its hash, so the hash is a perfect validator; access is re-checked every time.
      const caching = { etag: `"${file.sha256}"`, 'cache-control': 'private, no-cache' };
      if (request.headers['if-none-match'] === caching.etag)
        return reply.headers(caching).status(304).send(null);
      const stream = await files.content(file);
      return reply
        .headers({
          ...caching,
          'content-type': file.contentType,
          'content-length': file.size,
          'content-disposition': contentDisposition(file.name),
          'x-content-type-options': 'nosniff',
          // Opened in a tab despite `attachment`, an HTML or SVG file still runs no script on our origin.
          'content-security-policy': "default-src 'none'; sandbox",
        })
        .send(stream);
    },
  );
};

/**
 * A refusal while the client may still be sending: answer at once and close the connection afterwards, rather
 * than read (and discard) the rest of a large upload to keep the connection alive.
 */
function refuse(reply: FastifyReply, error: unknown): unknown {
  reply.header('connection', 'close');
  return error;
}
