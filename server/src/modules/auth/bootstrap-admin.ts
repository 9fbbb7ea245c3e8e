import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { UserEntity } from '../../db/entities/user.js';
import type { UserService } from '../users/user-service.js';

/**
 * First start: create the `admin` account. The password comes from ADMIN_PASSWORD, or is generated and
 * returned so the caller prints it once; it is never stored anywhere but as a hash.
 */
export async function ensureAdmin(
  db: Database,
  users: UserService,
  adminPassword: string | undefined,
): Promise<{ created: boolean; password?: string }> {
  if (await db.em().count(UserEntity, { login: 'admin' })) return { created: false };
  const password = adminPassword ?? randomBytes(12).toString('base64url');
  await users.create({ login: 'admin', name: 'Администратор', password, roles: ['admin'] }, null);
  return { created: true, ...(adminPassword ? {} : { password }) };
}
