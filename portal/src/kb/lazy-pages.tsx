import { lazy, type ReactNode, Suspense } from 'react';

// The knowledge base's own pages load on first use, so the home page downloads only what its widgets need
// (the search box and the helper).
const Search = lazy(() => import('./SearchPage').then((m) => ({ default: m.SearchPage })));
const Home = lazy(() => import('./KbHomePage').then((m) => ({ default: m.KbHomePage })));
const Category = lazy(() => import('./KbCategoryPage').then((m) => ({ default: m.KbCategoryPage })));
const Article = lazy(() => import('./ArticlePage').then((m) => ({ default: m.ArticlePage })));

const later = (page: ReactNode) => <Suspense fallback={null}>{page}</Suspense>;

export const SearchPage = () => later(<Search />);
export const KbHomePage = () => later(<Home />);
export const KbCategoryPage = () => later(<Category />);
export const ArticlePage = () => later(<Article />);
