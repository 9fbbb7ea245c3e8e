import { EntitySchema } from '@mikro-orm/core';
import type { Locale, Role } from '@opora/sdk';

export class UserEntity {
  id!: string;
  login!: string;
  name!: string;
  email: string | null = null;
  passwordHash!: string;
  roles: Role[] = [];
  locale: Locale = 'ru';
  active = true;
  createdAt!: Date;
  updatedAt!: Date;
}

export const userSchema = new EntitySchema<UserEntity>({
  class: UserEntity,
  tableName: 'app_user',
  properties: {
    id: { type: 'uuid', primary: true },
    login: { type: 'text', unique: true },
    name: { type: 'text' },
    email: { type: 'text', nullable: true },
    passwordHash: { type: 'text' },
    roles: { type: 'text[]' },
    locale: { type: 'text' },
    active: { type: 'boolean' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
