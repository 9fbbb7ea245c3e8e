import type { DefinitionSummary } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

type LText = { ru: string; en?: string };

export interface DefinitionOption {
  key: string;
  /** The definition's own name (what the analyst called it in the designer). */
  name: string;
}
export interface FormOption extends DefinitionOption {
  /** Only forms of purpose `portal` can be sent by portal visitors. */
  portal: boolean;
}
export interface CategoryOption {
  key: string;
  title: LText;
  depth: number;
}

/** What the widget panels pick from; `null` while loading, or when the list could not be loaded. */
export interface PageLookups {
  trees: DefinitionOption[] | null;
  forms: FormOption[] | null;
  categories: CategoryOption[] | null;
  /** Lists that could not be loaded (the panels then let the key be typed). */
  failed: ('trees' | 'forms' | 'categories')[];
}

export const emptyLookups: PageLookups = { trees: null, forms: null, categories: null, failed: [] };

const published = async (kind: 'tree' | 'form'): Promise<DefinitionSummary[]> =>
  (await client.listDefinitions({ kind, sort: 'name', limit: 200 })).items.filter(
    (d) => d.latestVersion !== null && d.status !== 'archived',
  );

async function loadForms(): Promise<FormOption[]> {
  const forms = await published('form');
  const bodies = await Promise.all(
    forms.map((d) => client.getVersion(d.id, d.latestVersion as number).then((v) => v.body)),
  );
  const options = forms.map((d, i) => ({
    key: d.key,
    name: d.name,
    portal: (bodies[i] as { purpose?: string } | undefined)?.purpose === 'portal',
  }));
  // Portal forms first: they are the ones that work in a feedback widget.
  return options.sort((a, b) => Number(b.portal) - Number(a.portal));
}

async function loadCategories(): Promise<CategoryOption[]> {
  const { items } = await client.kb.categories();
  const byParent = new Map<string | null, typeof items>();
  for (const c of items) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const out: CategoryOption[] = [];
  // Parents before their children, so the picker reads as a tree.
  const walk = (parent: string | null, depth: number) => {
    for (const c of [...(byParent.get(parent) ?? [])].sort((a, b) => a.position - b.position)) {
      out.push({ key: c.key, title: c.title, depth });
      if (depth < 10) walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Published question trees and forms and the knowledge-base categories, loaded once per designer. */
export function usePageLookups(): PageLookups {
  const [lookups, setLookups] = useState<PageLookups>(emptyLookups);
  useEffect(() => {
    let current = true;
    const settle = <K extends 'trees' | 'forms' | 'categories'>(name: K, load: Promise<PageLookups[K]>) =>
      load.then(
        (value) => current && setLookups((l) => ({ ...l, [name]: value })),
        () => current && setLookups((l) => ({ ...l, failed: [...l.failed, name] })),
      );
    void settle(
      'trees',
      published('tree').then((items) => items.map((d) => ({ key: d.key, name: d.name }))),
    );
    void settle('forms', loadForms());
    void settle('categories', loadCategories());
    return () => {
      current = false;
    };
  }, []);
  return lookups;
}
