import { accessRoles, defaultEntityAccess } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { isDefault, resetRights, rightsOf, setClientScope, toggleRight } from './access-draft';
import type { Body } from './entity-draft';

const body: Body = { schemaVersion: 1, label: { ru: 'Заявка' }, fields: [] };

describe('the access grid of a data type', () => {
  it('shows the defaults until a right changes, then writes every list out', () => {
    expect(isDefault(body)).toBe(true);
    expect(rightsOf(body)).toEqual(defaultEntityAccess);
    const next = toggleRight(body, 'analyst', 'delete', false);
    expect(next.access).toEqual({
      ...defaultEntityAccess,
      delete: ['admin', 'developer', 'operator', 'supervisor'],
    });
    expect(resetRights(next)).toEqual(body);
  });

  it('keeps rights coherent: changing or deleting needs reading', () => {
    const noRead = toggleRight(body, 'operator', 'read', false);
    expect(noRead.access?.read).not.toContain('operator');
    expect(noRead.access?.update).not.toContain('operator');
    expect(noRead.access?.delete).not.toContain('operator');
    expect(noRead.access?.create).toContain('operator');
    const clientEdits = toggleRight(toggleRight(body, 'client', 'read', false), 'client', 'update', true);
    expect(clientEdits.access?.read).toContain('client');
    expect(clientEdits.access?.update).toContain('client');
  });

  it('switches clients between their own records and all', () => {
    expect(setClientScope(body, false).access?.clientScope).toBe('all');
    expect(setClientScope(setClientScope(body, false), true).access?.clientScope).toBe('own');
    expect(accessRoles).toContain('client');
  });
});
