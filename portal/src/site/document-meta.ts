import { useEffect } from 'react';

/**
 * Sets the document title and meta description while a page is shown, and puts back what was there before,
 * so search engines and browser tabs read the published page's own words.
 */
export function useDocumentMeta(title: string | null, description: string | null): void {
  useEffect(() => {
    if (title === null) return;
    const meta = descriptionTag();
    const before = { title: document.title, description: meta.content };
    document.title = title;
    if (description !== null) meta.content = description;
    return () => {
      document.title = before.title;
      meta.content = before.description;
    };
  }, [title, description]);
}

function descriptionTag(): HTMLMetaElement {
  let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'description';
    document.head.append(meta);
  }
  return meta;
}
