import { EntitySchema } from '@mikro-orm/core';

/** An integration token; like sessions, only the hash of the secret is kept. */
export class ApiTokenEntity {
  id!: string;
  userId!: string;
  name!: string;
  tokenHash!: string;
  createdAt!: Date;
  lastUsedAt: Date | null = null;
}

export const apiTokenSchema = new EntitySchema<ApiTokenEntity>({
  class: ApiTokenEntity,
  tableName: 'api_token',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    name: { type: 'text' },
    tokenHash: { type: 'text', unique: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    lastUsedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
  },
});
