import { stat } from 'node:fs/promises';
import type { AttachmentRef } from '@opora/runtime/conversations';
import { fail } from '../../http/app-error.js';
import type { FileStore } from '../files/file-store.js';

/**
 * The files an operator's answer carries, as uploaded through `POST /conversations/:id/attachments`: each must be
 * in the store, and its size is the stored one, not what the browser says. A content hash can only be known by
 * having the content (or by reading a conversation, which the same staff may), so naming one reveals nothing new.
 */
export async function checkAnswerAttachments(
  store: FileStore,
  refs: readonly AttachmentRef[],
): Promise<AttachmentRef[]> {
  const checked: AttachmentRef[] = [];
  for (const [i, ref] of refs.entries()) {
    const size = await storedSize(store, ref.fileId);
    if (size === undefined)
      throw fail.validation([
        {
          pointer: `/attachments/${i}/fileId`,
          message: { key: 'not_found', params: { what: ref.name } },
          code: 'file_missing',
        },
      ]);
    checked.push({ ...ref, size });
  }
  return checked;
}

async function storedSize(store: FileStore, fileId: string): Promise<number | undefined> {
  // Content hashes only: anything else would name a path, not a blob.
  if (!/^[0-9a-f]{64}$/.test(fileId)) return undefined;
  try {
    return (await stat(store.blobPath(fileId))).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
