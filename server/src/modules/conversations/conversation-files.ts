import type { AttachmentRef } from '@opora/runtime/conversations';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';

/**
 * An attachment of a conversation's message, by the file's content hash. Attachments live in the shared,
 * content-addressed file store; a hash is served only through a conversation whose messages hold it, so knowing
 * a hash from elsewhere opens nothing.
 */
export async function conversationAttachment(
  db: Database,
  conversationId: string,
  fileId: string,
): Promise<AttachmentRef> {
  const [row] = await db.query<{ attachments: unknown }>(
    `select attachments from message where conversation_id = ? and attachments @> ?::jsonb
      order by seq limit 1`,
    [conversationId, JSON.stringify([{ fileId }])],
  );
  const attachments = (
    typeof row?.attachments === 'string' ? JSON.parse(row.attachments) : row?.attachments
  ) as AttachmentRef[] | undefined;
  const ref = attachments?.find((attachment) => attachment.fileId === fileId);
  if (!ref) throw fail.notFound('file');
  return ref;
}
