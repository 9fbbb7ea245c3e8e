import { definitionRights, mayChangeDefinition } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { definitionReaders, homePath, mayUseTool, refusedPage, visibleMenu } from './access';

describe('what each role sees in the designer', () => {
  it('shows an operator no definitions, no «Создать» and only the tools he may use', () => {
    const menu = visibleMenu(['operator']);
    expect(menu.kinds).toEqual([]);
    expect(menu.tools).toEqual(['tokens']);
    expect(
      Object.keys(definitionRights).some((kind) =>
        mayChangeDefinition(['operator'], kind as 'form', 'write'),
      ),
    ).toBe(false);
    expect(mayUseTool(['operator'], 'operator')).toBe(true);
    expect(homePath(['operator'])).toBe('/kb');
  });

  it('shows an analyst every kind to read, but scripts and integrations are not his to create', () => {
    const menu = visibleMenu(['analyst']);
    expect(menu.kinds).toContain('script');
    expect(menu.tools).toEqual(['bundles', 'tokens']);
    expect(refusedPage('/d/script/new', ['analyst'])).toEqual(definitionRights.script.write);
    expect(refusedPage('/d/integration/new', ['analyst'])).toEqual(['admin']);
    expect(refusedPage('/d/form/new', ['analyst'])).toBeNull();
  });

  it('shows a developer secrets and script runs, but not users', () => {
    expect(visibleMenu(['developer']).tools).toEqual(['bundles', 'tokens', 'secrets', 'scriptRuns']);
    expect(refusedPage('/users', ['developer'])).toEqual(['admin']);
  });

  it('shows an admin everything', () => {
    expect(visibleMenu(['admin']).tools).toEqual(['bundles', 'tokens', 'secrets', 'scriptRuns', 'users']);
    for (const path of ['/d/entity', '/d/portal/new', '/bundles', '/users', '/secrets', '/script-runs'])
      expect(refusedPage(path, ['admin'])).toBeNull();
  });

  it('refuses definition pages opened by address to roles the server refuses, naming who may', () => {
    expect(definitionReaders).toEqual(['admin', 'analyst', 'developer']);
    expect(refusedPage('/d/entity', ['operator'])).toEqual(definitionReaders);
    expect(refusedPage('/d/entity/1234?tab=x', ['supervisor'])).toEqual(definitionReaders);
    expect(refusedPage('/script-runs', ['supervisor'])).toBeNull();
    expect(refusedPage('/kb', ['operator'])).toBeNull();
  });
});
