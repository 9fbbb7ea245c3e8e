import { type Locale, type Problem, pick } from '../kinds.js';
import type { EntityAccess } from './access.js';

/**
 * Rights that contradict each other: changing or deleting a record one may not read would answer with, or act
 * on, data the same person is refused — so whoever may update or delete must also read.
 */
export function entityAccessProblems(access: EntityAccess | undefined, locale: Locale): Problem[] {
  if (!access) return [];
  const problems: Problem[] = [];
  for (const operation of ['update', 'delete'] as const)
    access[operation].forEach((role, i) => {
      if (role === 'admin' || access.read.includes(role)) return;
      problems.push({
        pointer: `/access/${operation}/${i}`,
        code: 'access',
        message: pick(
          locale,
          `Роль «${role}» может ${operation === 'update' ? 'изменять' : 'удалять'} записи, но не читать их: добавьте её в чтение`,
          `Role "${role}" may ${operation} records but not read them: let it read too`,
        ),
      });
    });
  return problems;
}
