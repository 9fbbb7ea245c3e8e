import type { FormElement } from '@opora/runtime/definitions';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../components/Tabs';
import { localText } from '../lib/local-text';
import { useStore } from '../lib/store';
import { FieldRow } from './FieldRow';
import { useRenderContext } from './FormRenderer';
import { RelatedRecords } from './RelatedRecords';

type Element<T extends FormElement['type']> = Extract<FormElement, { type: T }>;

/** Children of a container on a 12-column grid (fields take their width), stacking on phones. */
export function LayoutElements({ elements }: { elements: FormElement[] }) {
  const { snapshot } = useRenderContext();
  return (
    <div className="form-grid">
      {elements
        .filter((e) => snapshot.state.visible.has(e.id))
        .map((element) => (
          <LayoutElement key={element.id} element={element} />
        ))}
    </div>
  );
}

function LayoutElement({ element }: { element: FormElement }) {
  const { i18n } = useTranslation();
  switch (element.type) {
    case 'field':
      return element.hidden ? null : <FieldRow element={element} />;
    case 'block':
      return <Block element={element} />;
    case 'columns':
      return <Columns element={element} />;
    case 'tabs':
      return <FormTabs element={element} />;
    case 'heading': {
      const Heading = `h${(element.level ?? 2) + 1}` as 'h3' | 'h4' | 'h5';
      return <Heading className="form-heading span-all">{localText(element.text, i18n.language)}</Heading>;
    }
    case 'divider':
      return <hr className="form-divider span-all" />;
    case 'text':
      return <p className="form-text span-all">{localText(element.text, i18n.language)}</p>;
    case 'related':
      return <RelatedRecords element={element} />;
  }
}

function Block({ element }: { element: Element<'block'> }) {
  const { i18n } = useTranslation();
  const title = element.title ? localText(element.title, i18n.language) : null;
  const children = <LayoutElements elements={element.children as FormElement[]} />;
  if (element.collapsible && title)
    return (
      <details className="form-block span-all" open>
        <summary>{title}</summary>
        {children}
      </details>
    );
  return (
    <section className="form-block span-all" aria-label={title ?? undefined}>
      {title && <h3>{title}</h3>}
      {children}
    </section>
  );
}

function Columns({ element }: { element: Element<'columns'> }) {
  const template = element.columns.map((c) => `minmax(0, ${c.width ?? 1}fr)`).join(' ');
  return (
    <div className="form-columns span-all" style={{ '--designed-columns': template } as CSSProperties}>
      {element.columns.map((column) => (
        <div key={column.id} className="form-column">
          <LayoutElements elements={column.children as FormElement[]} />
        </div>
      ))}
    </div>
  );
}

function FormTabs({ element }: { element: Element<'tabs'> }) {
  const { i18n } = useTranslation();
  const { ui, snapshot, mode } = useRenderContext();
  const active = useStore(ui.activeTabs)[element.id];
  const tabs = element.tabs.filter((tab) => snapshot.state.visible.has(tab.id));
  const withErrors = mode === 'edit' ? ui.tabsHolding(Object.keys(snapshot.problems.byField)) : new Set();
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  if (!current) return null;
  return (
    <div className="form-tabs span-all">
      <Tabs
        label={tabs.map((t) => localText(t.title, i18n.language)).join(', ')}
        tabs={tabs.map((tab) => ({
          id: tab.id,
          title: localText(tab.title, i18n.language),
          badge: withErrors.has(tab.id) ? <span className="tab-error" aria-hidden="true" /> : undefined,
        }))}
        active={current.id}
        onSelect={(id) => ui.activeTabs.set((s) => ({ ...s, [element.id]: id }))}
      >
        <LayoutElements elements={current.children as FormElement[]} />
      </Tabs>
    </div>
  );
}
