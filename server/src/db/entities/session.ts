import { EntitySchema } from '@mikro-orm/core';

/** A browser session; the cookie carries a random token and only its SHA-256 is stored (a DB leak yields no live sessions). */
export class SessionEntity {
  id!: string;
  userId!: string;
  csrfToken!: string;
  createdAt!: Date;
  expiresAt!: Date;
}

export const sessionSchema = new EntitySchema<SessionEntity>({
  class: SessionEntity,
  tableName: 'session',
  properties: {
    id: { type: 'text', primary: true },
    userId: { type: 'uuid' },
    csrfToken: { type: 'text' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    expiresAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
