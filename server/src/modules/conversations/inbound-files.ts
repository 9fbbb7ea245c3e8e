import { Readable } from 'node:stream';
import { type AttachmentRef, type InboundFile, messageLimits } from '@opora/runtime/conversations';
import type { FileStore } from '../files/file-store.js';

/** The bytes of a message's attachments, for a channel that sends files; a blob gone from disk is an error. */
export async function readAttachments(store: FileStore, refs: readonly AttachmentRef[]) {
  return Promise.all(
    refs.map(async (ref) => {
      const stream = await store.open(ref.fileId);
      if (!stream) throw new Error(`attachment ${ref.name} is missing from the file store`);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { ref, bytes: new Uint8Array(Buffer.concat(chunks)) };
    }),
  );
}

/**
 * Puts an inbound message's files into the content-addressed file store before the message's transaction: a blob
 * is written once whatever happens next, and a redelivered message stores the same content under the same hash.
 * The message refers to them by hash.
 */
export async function storeInboundFiles(
  store: FileStore,
  files: readonly InboundFile[],
): Promise<AttachmentRef[]> {
  const refs: AttachmentRef[] = [];
  for (const file of files.slice(0, messageLimits.attachments))
    refs.push(await storeAttachment(store, Readable.from([Buffer.from(file.bytes)]), file));
  return refs;
}

/**
 * Streams one attachment into the file store (nothing held in memory); more than the channels' attachment limit
 * aborts with `SizeLimitExceeded` and leaves nothing behind.
 */
export async function storeAttachment(
  store: FileStore,
  content: Readable,
  declared: { name: string; contentType: string },
): Promise<AttachmentRef> {
  const { sha256, size } = await store.put(content, messageLimits.attachmentBytes);
  return {
    fileId: sha256,
    name: declared.name.slice(0, 255) || 'file',
    contentType: declared.contentType.slice(0, 255),
    size,
  };
}
