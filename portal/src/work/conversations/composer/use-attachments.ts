import { type AttachmentRef, messageLimits } from '@opora/runtime/conversations';
import { useState } from 'react';
import { client } from '../../../lib/api';

/** A file on its way into the answer: uploading, ready (with its stored reference), or refused. */
export interface AnswerFile {
  id: number;
  name: string;
  size: number;
  state: 'uploading' | 'ready' | 'failed';
  reason?: 'tooLarge' | 'tooMany' | 'failed';
  ref?: AttachmentRef;
}

let nextId = 0;

/**
 * The files dropped, pasted or chosen for the answer: each is uploaded at once (so sending is quick), at most ten
 * per answer and 20 MB each, as every channel takes; a refused one stays listed with why until removed.
 */
export function useAttachments(conversationId: string | null) {
  const [files, setFiles] = useState<AnswerFile[]>([]);
  const update = (id: number, patch: Partial<AnswerFile>) =>
    setFiles((list) => list.map((f) => (f.id === id ? { ...f, ...patch } : f)));
  const add = (picked: readonly File[]) => {
    if (!conversationId) return;
    let room = messageLimits.attachments - files.filter((f) => f.state !== 'failed').length;
    const added: AnswerFile[] = [];
    for (const file of picked) {
      const entry: AnswerFile = {
        id: ++nextId,
        name: file.name || 'file',
        size: file.size,
        state: 'uploading',
      };
      if (file.size > messageLimits.attachmentBytes)
        Object.assign(entry, { state: 'failed', reason: 'tooLarge' });
      else if (room <= 0) Object.assign(entry, { state: 'failed', reason: 'tooMany' });
      else {
        room -= 1;
        client.conversations.uploadAttachment(conversationId, file, entry.name).then(
          (ref) => update(entry.id, { state: 'ready', ref }),
          () => update(entry.id, { state: 'failed', reason: 'failed' }),
        );
      }
      added.push(entry);
    }
    setFiles((list) => [...list, ...added]);
  };
  return {
    files,
    add,
    remove: (id: number) => setFiles((list) => list.filter((f) => f.id !== id)),
    clear: () => setFiles([]),
    uploading: files.some((f) => f.state === 'uploading'),
    refs: files.flatMap((f) => (f.state === 'ready' && f.ref ? [f.ref] : [])),
  };
}
