import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileAccepted } from '@opora/runtime/definitions';
import type { KbFile } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import { staff } from '../auth/roles.js';
import { cleanContentType, cleanFileName } from '../files/file-names.js';
import { type FileStore, SizeLimitExceeded } from '../files/file-store.js';
import { readableAudiences } from '../kb/kb-access.js';

/** Whose file it is decides who reads it: an article's readers, or everyone for the portal's own images. */
export type ContentOwner = { kind: 'article'; articleId: string } | { kind: 'portal' };

// SVG is left out on purpose: it can carry script.
const articleTypes = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/webm',
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.txt',
  '.csv',
  '.zip',
  '.rtf',
];
const portalTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const inlineTypes = /^(image|video)\//;

export interface StoredContentFile extends KbFile {
  sha256: string;
  owner: string;
  articleId: string | null;
}

interface Row {
  id: string;
  owner: string;
  article_id: string | null;
  sha256: string;
  name: string;
  media_type: string;
  size: string | number;
}

/** Images, videos and attachments of articles, and the portal's logo: content-addressed blobs with owners. */
export class ContentFileService {
  readonly capBytes: number;

  constructor(
    private readonly db: Database,
    private readonly store: FileStore,
    readonly capMb: number,
  ) {
    this.capBytes = Math.floor(capMb * 1024 * 1024);
  }

  /** Checks the owner and the declared type before reading the content, then streams it into the store. */
  async upload(
    owner: ContentOwner,
    source: Readable,
    declared: { name: string | undefined; contentType: string | undefined },
    actor: Actor,
  ): Promise<KbFile> {
    const name = cleanFileName(declared.name);
    const mediaType = cleanContentType(declared.contentType);
    const accept = owner.kind === 'portal' ? portalTypes : articleTypes;
    if (!fileAccepted(accept, name, mediaType)) throw fail.fileTypeNotAllowed(name, accept);
    if (owner.kind === 'article') {
      const found = await this.db.query('select 1 from kb_article where id = ?', [owner.articleId]);
      if (!found.length) throw fail.notFound(`kb article ${owner.articleId}`);
    }
    let blob: Awaited<ReturnType<FileStore['put']>>;
    try {
      blob = await this.store.put(source, this.capBytes);
    } catch (error) {
      if (error instanceof SizeLimitExceeded) throw fail.fileTooLarge(this.capMb);
      throw error;
    }
    const id = randomUUID();
    await this.db.query(
      `insert into content_file (id, owner, article_id, sha256, name, media_type, size, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        owner.kind,
        owner.kind === 'article' ? owner.articleId : null,
        blob.sha256,
        name,
        mediaType,
        blob.size,
        actor.name,
      ],
    );
    return { id, name, mediaType, size: blob.size, url: urlOf({ id, owner: owner.kind }) };
  }

  /** The file if the caller may read it: staff always; others the portal's files and those of articles they may read. */
  async find(id: string, actor: Actor | null): Promise<StoredContentFile> {
    const [row] = await this.db.query<Row & { state: string | null; audience: string | null }>(
      `select f.*, a.state, a.audience from content_file f left join kb_article a on a.id = f.article_id where f.id = ?`,
      [id],
    );
    const isStaff = actor?.roles.some((r) => staff.includes(r)) ?? false;
    const readable =
      row &&
      (row.owner === 'portal' ||
        isStaff ||
        (row.state === 'published' && readableAudiences(actor).includes(row.audience as never)));
    if (!row || !readable) throw fail.notFound(`file ${id}`);
    return {
      id: row.id,
      name: row.name,
      mediaType: row.media_type,
      size: Number(row.size),
      url: urlOf(row),
      sha256: row.sha256,
      owner: row.owner,
      articleId: row.article_id,
    };
  }

  async content(file: StoredContentFile) {
    const stream = await this.store.open(file.sha256);
    if (!stream) throw fail.fileContentMissing();
    return stream;
  }

  /** Images and videos show in the page; anything else downloads. */
  inline(file: StoredContentFile): boolean {
    return inlineTypes.test(file.mediaType);
  }
}

const urlOf = (row: { id: string; owner: string }): string =>
  row.owner === 'portal' ? `/api/v1/portal/assets/${row.id}` : `/api/v1/kb/files/${row.id}`;
