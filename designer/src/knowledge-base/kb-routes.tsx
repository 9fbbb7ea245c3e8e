import type { Role } from '@opora/sdk';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { router } from '../lib/router';

const load = () => import('./kb-pages');
const ArticleListPage = lazy(() => load().then((m) => ({ default: m.ArticleListPage })));
const ArticleEditorPage = lazy(() => load().then((m) => ({ default: m.ArticleEditorPage })));
const CategoriesPage = lazy(() => load().then((m) => ({ default: m.CategoriesPage })));
const SynonymsPage = lazy(() => load().then((m) => ({ default: m.SynonymsPage })));
const SearchGapsPage = lazy(() => load().then((m) => ({ default: m.SearchGapsPage })));
const AnnouncementsPage = lazy(() => load().then((m) => ({ default: m.AnnouncementsPage })));

function Loading() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}

/** Editors change the knowledge base and announcements; other staff may look (as far as the server lets them). */
export const canEditKb = (roles: readonly Role[]): boolean =>
  roles.includes('admin') || roles.includes('analyst');

/** «Написать статью» from a search gap opens a new article titled with the query. */
function titleFromAddress(): string {
  const title = new URLSearchParams(router.path().split('?')[1] ?? '').get('title')?.trim() ?? '';
  return title ? title[0]!.toLocaleUpperCase('ru') + title.slice(1) : '';
}

type Route = [pattern: string, render: (params: Record<string, string>) => ReactNode];

/**
 * Routes of the knowledge base and announcements, for App's table. `/kb/new` and `/kb/:id` render the same
 * element so that saving a new article (which moves to its own address) keeps the editor as it is.
 */
export function knowledgeBaseRoutes(roles: readonly Role[]): Route[] {
  const canEdit = canEditKb(roles);
  const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
  const editor = (id: string | null) =>
    page(<ArticleEditorPage id={id} title={id ? '' : titleFromAddress()} canEdit={canEdit} />);
  return [
    ['/kb', () => page(<ArticleListPage canEdit={canEdit} />)],
    ['/kb/categories', () => page(<CategoriesPage canEdit={canEdit} />)],
    ['/kb/synonyms', () => page(<SynonymsPage canEdit={canEdit} />)],
    ['/kb/gaps', () => page(<SearchGapsPage canEdit={canEdit} />)],
    ['/kb/new', () => canEdit && editor(null)],
    ['/kb/:id', (p) => p.id !== 'new' && editor(p.id!)],
    ['/announcements', () => page(<AnnouncementsPage canEdit={canEdit} />)],
  ];
}
