import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../../http/app-error.js';
import { ErrorResponse, errorResponses, IdParams } from '../../http/schemas.js';
import { adminOnly } from '../auth/roles.js';
import { receiveUpload } from '../files/receive-upload.js';
import { sendStoredFile } from '../files/send-stored-file.js';
import { kbEditors } from '../kb/kb-access.js';
import { KbFileSchema } from '../kb/kb-schemas.js';
import type { ContentFileService, ContentOwner } from './content-file-service.js';

const uploadResponses = { 201: KbFileSchema, 413: ErrorResponse, 415: ErrorResponse, ...errorResponses };
const download = {
  params: IdParams,
  produces: ['application/octet-stream'],
  response: { 200: Type.Unknown({ description: 'The content' }), 304: Type.Null(), ...errorResponses },
};

/** Uploads of article files (editors) and portal images (admins), and their downloads. */
export const contentFileRoutes: FastifyPluginAsyncTypebox<{ files: ContentFileService }> = async (
  app,
  { files },
) => {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: files.capBytes + 1, files: 1, fields: 5, fieldSize: 200, parts: 6, headerPairs: 20 },
  });

  app.post(
    '/kb/files',
    {
      config: { access: kbEditors },
      schema: {
        tags: ['knowledge base'],
        summary: 'Upload an image, video or attachment of an article (multipart: articleId, then the file)',
        consumes: ['multipart/form-data'],
        response: uploadResponses,
      },
    },
    (request, reply) =>
      receive(request, reply, files, (fields) => {
        const articleId = fields.articleId;
        if (!articleId || !/^[0-9a-f-]{36}$/i.test(articleId))
          throw fail.fileUploadInvalid('file_form_order');
        return { kind: 'article', articleId };
      }),
  );

  app.post(
    '/portal/assets',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['portal'],
        summary: 'Upload an image for the portal (its logo): PNG, JPEG, GIF or WebP',
        consumes: ['multipart/form-data'],
        response: uploadResponses,
      },
    },
    (request, reply) => receive(request, reply, files, () => ({ kind: 'portal' })),
  );

  const serve = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const file = await files.find(request.params.id, request.actor);
    return sendStoredFile(
      request,
      reply,
      { ...file, contentType: file.mediaType },
      {
        // Portal images are public and shared by every visitor; article files follow the article's audience.
        cacheControl: file.owner === 'portal' ? 'public, max-age=300' : 'private, no-cache',
        inline: files.inline(file),
        content: () => files.content(file),
      },
    );
  };
  app.get(
    '/kb/files/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['knowledge base'],
        summary: 'A file of an article, for whoever may read the article',
        ...download,
      },
    },
    serve,
  );
  app.get(
    '/portal/assets/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['portal'], summary: 'An image of the portal', ...download },
    },
    serve,
  );
};

/** Decides the owner from the form fields before a byte of the file is read, then stores the file. */
async function receive(
  request: FastifyRequest,
  reply: FastifyReply,
  files: ContentFileService,
  ownerOf: (fields: Record<string, string>) => ContentOwner,
) {
  const stored = await receiveUpload(
    request,
    reply,
    { bytes: files.capBytes, mb: files.capMb },
    (fields, part) =>
      files.upload(
        ownerOf(fields),
        part.file,
        { name: part.filename, contentType: part.mimetype },
        request.actor!,
      ),
  );
  return reply.status(201).send(stored);
}
