import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { accessScope, defaultFileMaxSizeMb, type EntityBody, fileAccepted } from '@opora/runtime/definitions';
import type { FileRef } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { RecordAccess } from '../records/record-access.js';
import { heldByReadableRecord } from './file-holders.js';
import { cleanContentType, cleanFileName } from './file-names.js';
import { findFileField } from './file-refs.js';
import { type FileStore, SizeLimitExceeded } from './file-store.js';

const megabyte = 1024 * 1024;

/** Where an upload goes and what it may be: the published data type's file field and its limits. */
export interface UploadTarget {
  entity: string;
  field: string;
  accept: readonly string[] | undefined;
  limitMb: number;
  limitBytes: number;
}

export interface StoredFile extends FileRef {
  sha256: string;
  entity: string;
  field: string;
  createdBy: string | null;
}

interface FileRow {
  id: string;
  sha256: string;
  size: string | number;
  content_type: string;
  name: string;
  entity: string;
  field: string;
  created_by: string | null;
}

const stored = (row: FileRow): StoredFile => ({
  id: row.id,
  name: row.name,
  size: Number(row.size),
  contentType: row.content_type,
  sha256: row.sha256,
  entity: row.entity,
  field: row.field,
  createdBy: row.created_by,
});

/** Uploads into file fields of published data types, and downloads for those who may see them. */
export class FileService {
  readonly capBytes: number;

  constructor(
    private readonly db: Database,
    private readonly definitions: DefinitionService,
    private readonly store: FileStore,
    readonly capMb: number,
    private readonly access: RecordAccess,
  ) {
    this.capBytes = Math.floor(capMb * megabyte);
  }

  /**
   * Resolves the form's entity and field before any file byte is read; a field's maxSizeMb can only lower the
   * server cap. Only someone who may create or change records of the type has a use for uploading into it.
   */
  async target(entity: string, field: string, actor: Actor): Promise<UploadTarget> {
    const published = await this.definitions.latestPublished('entity', entity);
    if (!published) throw fail.entityNotPublished(entity);
    const body = published.body as EntityBody;
    if (accessScope(body, actor.roles, 'create') === 'none') this.access.scope(entity, body, actor, 'update');
    const spec = findFileField(body, field);
    if (!spec) throw fail.fileFieldUnknown(entity, field);
    const limitMb = Math.min(spec.maxSizeMb ?? defaultFileMaxSizeMb, this.capMb);
    return { entity, field, accept: spec.accept, limitMb, limitBytes: Math.floor(limitMb * megabyte) };
  }

  /** Checks the declared name and type first (refusing without reading), then streams the content to the store. */
  async upload(
    target: UploadTarget,
    content: Readable,
    declared: { name: string | undefined; contentType: string | undefined },
    actor: Actor,
  ): Promise<FileRef> {
    const name = cleanFileName(declared.name);
    const contentType = cleanContentType(declared.contentType);
    if (!fileAccepted(target.accept, name, contentType))
      throw fail.fileTypeNotAllowed(name, target.accept ?? []);
    const blob = await this.store.put(content, target.limitBytes).catch((error: unknown) => {
      throw error instanceof SizeLimitExceeded ? fail.fileTooLarge(target.limitMb) : error;
    });
    const id = randomUUID();
    await this.db.query(
      `insert into file (id, sha256, size, content_type, name, entity, field, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, blob.sha256, blob.size, contentType, name, target.entity, target.field, actor.id],
    );
    return { id, name, size: blob.size, contentType };
  }

  /**
   * The file, if the actor may have it: its uploader always; anyone else only while a live record they may read
   * holds it in its field. Otherwise "not found", so ids of other people's uploads reveal nothing.
   */
  async find(id: string, actor: Actor): Promise<StoredFile> {
    const [row] = await this.db.query<FileRow>(
      'select id, sha256, size, content_type, name, entity, field, created_by from file where id = ?',
      [id],
    );
    if (!row || (row.created_by !== actor.id && !(await this.readable(row, actor))))
      throw fail.notFound(`file ${id}`);
    return stored(row);
  }

  private async readable(row: FileRow, actor: Actor): Promise<boolean> {
    const published = await this.definitions.latestPublished('entity', row.entity);
    if (!published) return false;
    return heldByReadableRecord(this.db, this.access, row, published.body as EntityBody, actor);
  }

  async content(file: StoredFile): Promise<ReadStream> {
    const stream = await this.store.open(file.sha256);
    if (!stream) throw fail.fileContentMissing();
    return stream;
  }
}
