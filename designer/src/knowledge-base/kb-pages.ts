// The knowledge base and announcements screens in one chunk, loaded when first opened (TipTap is large).
export { AnnouncementsPage } from '../announcements/AnnouncementsPage';
export { ArticleEditorPage } from './ArticleEditorPage';
export { ArticleListPage } from './ArticleListPage';
export { CategoriesPage } from './CategoriesPage';
export { SearchGapsPage } from './SearchGapsPage';
export { SynonymsPage } from './SynonymsPage';
