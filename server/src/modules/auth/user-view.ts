import type { User } from '@opora/sdk';
import type { UserEntity } from '../../db/entities/user.js';

export const userView = (user: UserEntity): User => ({
  id: user.id,
  login: user.login,
  name: user.name,
  email: user.email,
  roles: user.roles,
  locale: user.locale,
  active: user.active,
  createdAt: user.createdAt.toISOString(),
});
