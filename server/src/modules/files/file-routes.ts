import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/app-error.js';
import { ErrorResponse, errorResponses, IdParams } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import type { FileService } from './file-service.js';
import { envelopeBytes, receiveUpload } from './receive-upload.js';
import { sendStoredFile } from './send-stored-file.js';

const tags = ['files'];

const FileRefSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
  contentType: Type.String(),
});

// Room for the multipart framing around the file (boundaries, part headers, the two short fields): a request
// longer than the limit plus this cannot hold a file within the limit.
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
  // Uploads are for staff filling records; a download is open to anyone signed in, then checked per file
  // against the rights of the records holding it (a client gets the files of their own requests).
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
      const ref = await receiveUpload(
        request,
        reply,
        { bytes: files.capBytes, mb: files.capMb },
        async (fields, part, declaredLength) => {
          const { entity, field } = fields;
          if (entity === undefined || field === undefined) throw fail.fileUploadInvalid('file_form_order');
          const target = await files.target(entity, field, request.actor!);
          if (declaredLength > target.limitBytes + envelopeBytes) throw fail.fileTooLarge(target.limitMb);
          return files.upload(
            target,
            part.file,
            { name: part.filename, contentType: part.mimetype },
            request.actor!,
          );
        },
      );
      return reply.status(201).send(ref);
    },
  );

  app.get(
    '/files/:id',
    {
      config: { access: 'authenticated' },
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
      // Access is re-checked every time, so no shared cache may keep the file.
      return sendStoredFile(request, reply, file, {
        cacheControl: 'private, no-cache',
        inline: false,
        content: () => files.content(file),
      });
    },
  );
};
