import { Type } from '@sinclair/typebox';

export const ArticleCount = Type.Integer({ minimum: 1, maximum: 20 });
export const CategoryKey = Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$' });
export const TagName = Type.String({ minLength: 1, maxLength: 60 });
