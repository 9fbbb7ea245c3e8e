import { validateDefinitionBody } from '@opora/runtime/definitions';
import { ApiError, type Definition, type DefinitionKind, type ErrorDetail } from '@opora/sdk';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { client } from '../lib/api';

export interface EditorProblem {
  /** Pointer into the definition body ('' = whole body), or null for a problem outside it. */
  pointer: string | null;
  message: string;
  source: 'syntax' | 'local' | 'server';
  line?: number;
}

const bodyPointer = (pointer: string): string | null =>
  pointer === '/body' ? '' : pointer.startsWith('/body/') ? pointer.slice(5) : null;

/** The editor's state outside the component: the draft text, live validation, save and publish with their errors. */
export function useDefinitionDraft(id: string, kind: DefinitionKind, locale: 'ru' | 'en') {
  const [definition, setDefinition] = useState<Definition | null>(null);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [serverProblems, setServerProblems] = useState<EditorProblem[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);

  const reset = useCallback((d: Definition) => {
    setDefinition(d);
    setText(JSON.stringify(d.body, null, 2));
    setName(d.name);
    setDescription(d.description);
    setServerProblems([]);
  }, []);

  const reload = useCallback(() => client.getDefinition(id).then(reset).catch(setLoadError), [id, reset]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const parsed = useMemo(() => parseJson(text), [text]);
  const localProblems = useMemo<EditorProblem[]>(() => {
    if ('error' in parsed)
      return [{ pointer: null, message: parsed.error, source: 'syntax', line: parsed.line }];
    return validateDefinitionBody(kind, parsed.value, locale).map((p) => ({
      pointer: p.pointer,
      message: p.message,
      source: 'local',
    }));
  }, [parsed, kind, locale]);

  const dirty =
    definition !== null &&
    (name !== definition.name ||
      description !== definition.description ||
      text !== JSON.stringify(definition.body, null, 2));

  const fromError = (error: unknown): EditorProblem[] =>
    error instanceof ApiError
      ? error.details.map((d: ErrorDetail) => ({
          pointer: bodyPointer(d.pointer),
          message: d.message,
          source: 'server',
        }))
      : [];

  const save = async (): Promise<Definition> => {
    if (!definition || 'error' in parsed) throw new Error('invalid');
    try {
      const saved = await client.updateDefinition(id, {
        name,
        description,
        body: parsed.value,
        draftVersion: definition.draftVersion,
      });
      reset(saved);
      return saved;
    } catch (error) {
      setServerProblems(fromError(error));
      throw error;
    }
  };

  const publish = async () => {
    const current = dirty ? await save() : definition!;
    try {
      const version = await client.publishDefinition(id, current.draftVersion);
      reset(await client.getDefinition(id));
      return version;
    } catch (error) {
      setServerProblems(fromError(error));
      throw error;
    }
  };

  return {
    definition,
    text,
    setText,
    name,
    setName,
    description,
    setDescription,
    dirty,
    localProblems,
    serverProblems,
    save,
    publish,
    reload,
    loadError,
  };
}

function parseJson(text: string): { value: unknown } | { error: string; line: number } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const before = text.slice(0, position).split('\n');
    return {
      error: `${message} (${before.length}:${(before.at(-1)?.length ?? 0) + 1})`,
      line: before.length,
    };
  }
}
