import { ApiError, type Article, type ArticleState, type ErrorDetail } from '@opora/sdk';
import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../lib/api';
import { type ArticleFields, changedFields, emptyFields, fieldsOf, toInput } from './article-fields';

/**
 * One article being edited: the saved article, the fields as edited, what counts as «no changes», and the
 * server calls (all with the article's `version`, so a concurrent change is refused, not overwritten).
 */
export function useArticleDraft(id: string | null, initialTitle: string) {
  const [article, setArticle] = useState<Article | null>(null);
  const [fields, setFieldsState] = useState<ArticleFields>(() => emptyFields(initialTitle));
  const [saved, setSaved] = useState<ArticleFields>(() => emptyFields());
  // What the rich text editor should show; the key changes whenever the text is replaced from outside.
  const [content, setContent] = useState({ html: '', key: 0 });
  const [details, setDetails] = useState<ErrorDetail[]>([]);
  const [conflict, setConflict] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const articleRef = useRef(article);
  articleRef.current = article;

  const setFields = useCallback((patch: Partial<ArticleFields>) => {
    setFieldsState((f) => ({ ...f, ...patch }));
  }, []);
  const replaceBody = (html: string) => setContent((c) => ({ html, key: c.key + 1 }));

  /** Everything from the server, local edits dropped. */
  const reset = useCallback((a: Article) => {
    setArticle(a);
    setFieldsState(fieldsOf(a));
    setSaved(fieldsOf(a));
    setContent((c) => ({ html: a.body, key: c.key + 1 }));
    setDetails([]);
    setConflict(false);
  }, []);

  const reload = useCallback(async () => {
    if (!id) return;
    try {
      reset(await client.kb.get(id));
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    }
  }, [id, reset]);

  // A new id loads that article — except the one just created here, which is already in hand.
  useEffect(() => {
    if (id && articleRef.current?.id !== id) void reload();
  }, [id, reload]);

  const fail = (error: unknown): never => {
    if (error instanceof ApiError) {
      // A taken key is the author's to fix beside the key; the server names it only in its own words.
      setDetails(
        error.code === 'duplicate_key'
          ? [{ pointer: '/key', message: '', code: 'duplicate_key' }]
          : error.details,
      );
      if (error.code === 'version_conflict') setConflict(true);
    }
    throw error;
  };

  const save = async (): Promise<Article> => {
    const sent = fieldsRef.current;
    const current = articleRef.current;
    setDetails([]);
    try {
      const { key: _key, ...update } = toInput(sent);
      const result = current
        ? await client.kb.update(current.id, { ...update, version: current.version })
        : await client.kb.create(toInput(sent));
      const serverFields = fieldsOf(result);
      setArticle(result);
      if (fieldsRef.current === sent) {
        // Nothing typed while saving: show the text as the server keeps it (it may have dropped something).
        const body = result.body === toInput(sent).body ? sent.body : result.body;
        setFieldsState({ ...serverFields, body });
        setSaved({ ...serverFields, body });
        if (body !== sent.body) replaceBody(body);
      } else setSaved({ ...serverFields, body: sent.body });
      return result;
    } catch (error) {
      return fail(error);
    }
  };

  const dirty = changedFields(fields, saved).length > 0;

  /** A move along the lifecycle; unsaved edits are saved first so they are what gets reviewed or published. */
  const changeState = async (state: ArticleState): Promise<Article> => {
    const current = dirty || !articleRef.current ? await save() : articleRef.current;
    try {
      const result = await client.kb.setState(current.id, current.version, state);
      setArticle(result);
      return result;
    } catch (error) {
      return fail(error);
    }
  };

  const restore = async (from: number): Promise<Article> => {
    const current = articleRef.current;
    if (!current) throw new Error('the article is not saved');
    try {
      const result = await client.kb.restore(current.id, current.version, from);
      reset(result);
      return result;
    } catch (error) {
      return fail(error);
    }
  };

  const remove = async (): Promise<void> => {
    const current = articleRef.current;
    if (!current) return;
    try {
      await client.kb.remove(current.id, current.version);
    } catch (error) {
      fail(error);
    }
  };

  /** The editor reports the text it made of the loaded HTML: that is the unchanged state. */
  const onNormalized = useCallback((html: string) => {
    setFieldsState((f) => ({ ...f, body: html }));
    setSaved((s) => ({ ...s, body: html }));
  }, []);

  return {
    article,
    fields,
    setFields,
    dirty,
    content,
    onNormalized,
    details,
    conflict,
    loadError,
    save,
    changeState,
    restore,
    remove,
    reload,
  };
}
