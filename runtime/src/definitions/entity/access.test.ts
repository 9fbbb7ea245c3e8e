import { describe, expect, it } from 'vitest';
import { validateDefinitionBody } from '../validate-body.js';
import { accessScope, defaultEntityAccess, type EntityAccess, rolesAllowed } from './access.js';
import type { EntityBody } from './schema.js';

const body: EntityBody = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [{ key: 'subject', type: 'string', label: { ru: 'Тема' } }],
};
const withAccess = (access: EntityAccess): EntityBody => ({ ...body, access });

describe('data type access rights', () => {
  it('keeps what every type had before rights existed when a type says nothing', () => {
    for (const role of ['analyst', 'developer', 'operator', 'supervisor'])
      for (const operation of ['read', 'create', 'update', 'delete'] as const)
        expect(accessScope(body, [role], operation)).toBe('all');
    expect(accessScope(body, ['client'], 'read')).toBe('own');
    for (const operation of ['create', 'update', 'delete'] as const)
      expect(accessScope(body, ['client'], operation)).toBe('none');
    expect(accessScope(body, [], 'read')).toBe('none');
    expect(defaultEntityAccess.clientScope).toBe('own');
  });

  it('gives the widest scope of a user’s roles, administrators always everything', () => {
    const access: EntityAccess = {
      read: ['operator', 'client'],
      create: [],
      update: [],
      delete: [],
      clientScope: 'all',
    };
    const typed = withAccess(access);
    expect(accessScope(typed, ['admin'], 'delete')).toBe('all');
    expect(accessScope(typed, ['analyst'], 'read')).toBe('none');
    expect(accessScope(typed, ['client'], 'read')).toBe('all');
    expect(accessScope(withAccess({ ...access, clientScope: 'own' }), ['client'], 'read')).toBe('own');
    expect(accessScope(typed, ['client', 'operator'], 'read')).toBe('all');
    expect(rolesAllowed(typed, 'read')).toEqual(['admin', 'operator', 'client']);
    expect(rolesAllowed(typed, 'create')).toEqual(['admin']);
  });

  it('refuses rights to change what one may not read, and unknown roles', () => {
    const problems = validateDefinitionBody('entity', {
      ...body,
      access: { read: ['operator'], create: ['client'], update: ['operator', 'analyst'], delete: ['client'] },
    });
    expect(problems.map((p) => p.pointer)).toEqual(['/access/update/1', '/access/delete/0']);
    expect(
      validateDefinitionBody('entity', {
        ...body,
        access: { read: ['nobody'], create: [], update: [], delete: [] },
      })[0]?.pointer,
    ).toMatch(/^\/access\/read\/0/);
  });
});
