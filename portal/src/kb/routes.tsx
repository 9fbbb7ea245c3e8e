import type { ReactNode } from 'react';
import { HelpPage } from '../help/HelpPage';
import { ArticlePage, KbCategoryPage, KbHomePage } from './lazy-pages';

/** Deepest helper address routed; the designer warns past 3 levels, so this is far beyond any real tree. */
const maxHelpDepth = 64;
const help = () => <HelpPage />;

/** The knowledge base's and the helper's pages, for the portal's route table. */
export const kbRoutes: [string, () => ReactNode][] = [
  ['/kb', () => <KbHomePage />],
  ['/kb/c/:category', () => <KbCategoryPage />],
  ['/kb/:key', () => <ArticlePage />],
  // `/help/<tree>/<id>/<id>…`: one pattern per depth, as the route table matches whole paths.
  ...Array.from({ length: maxHelpDepth + 1 }, (_, depth): [string, () => ReactNode] => [
    `/help/:tree${'/:step'.repeat(depth)}`,
    help,
  ]),
];
