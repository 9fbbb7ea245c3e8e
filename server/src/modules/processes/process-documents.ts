import type { Em } from '../../db/database.js';

/**
 * What a process may be about besides a data type's record: a document another module owns (a knowledge-base
 * article: `@kb-article`). The process names it as its `record` — `{ entity: '@kb-article', id }` — and the
 * generic steps reach it through its type here: `setStatus` moves it the owner's way (its own lifecycle rules,
 * history and audit, never a raw update), and approvals fix their decisions to its content hash the same way as a
 * record's, so nobody approves a document that changed under them. The leading `@` keeps these names apart from
 * data types' keys (which start with a letter).
 */
export interface ProcessDocumentType {
  /** The document's title (the inbox shows it) and the content its approvals hash; null when it is gone. */
  read(tx: Em | undefined, id: string): Promise<{ title: string; content: unknown } | null>;
  /**
   * Moves the document to `status` in `tx`. Throws what refused it (an AppError or a plain Error: the process's
   * answer).
   */
  setStatus(tx: Em, id: string, status: string, step: StatusStep): Promise<unknown>;
}

/** What the process step knows of why the status changes. */
export interface StatusStep {
  /** The staff user whose decision led here (the document's history names them), when one did. */
  by: string | null;
  /**
   * The content hash the latest approval was fixed to: a document that changed since may refuse to take a
   * status that would show text nobody approved (a publication).
   */
  approvedHash?: string;
}

/** The document types modules registered, by their `@` name. */
export class ProcessDocuments {
  private readonly types = new Map<string, ProcessDocumentType>();

  register(entity: string, type: ProcessDocumentType) {
    if (!entity.startsWith('@')) throw new Error(`a process document type is named with "@": ${entity}`);
    this.types.set(entity, type);
  }

  /** The registered type of `entity`, or undefined for a data type's record. */
  of(entity: string): ProcessDocumentType | undefined {
    return this.types.get(entity);
  }
}
