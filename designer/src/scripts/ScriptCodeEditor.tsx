import { typeDiagnosticText } from '@opora/runtime/scripts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EchoTracker } from './echo-tracker';
import { loadMonaco } from './load-monaco';

type Monaco = typeof import('monaco-editor');
type Editor = import('monaco-editor').editor.IStandaloneCodeEditor;

export interface SourceMark {
  line: number;
  column: number;
  message: string;
}

export interface CodeEditorHandle {
  reveal(line: number, column?: number): void;
}

const scriptUri = 'file:///script.ts';

/** A diagnostic already worded by typeDiagnosticText (its lead-in), so it is not worded twice. */
const isWorded = (message: string) => /^(Ошибка|error)( TS\d+)?: /.test(message);

/**
 * Monaco on the script's TypeScript with the SDK declarations loaded: autocomplete on `ctx.`, live type errors
 * (reported through onTypeErrors), and the server's publish or run errors shown as markers too.
 */
export function ScriptCodeEditor({
  value,
  onChange,
  serverMarks,
  onTypeErrors,
  handleRef,
}: {
  value: string;
  onChange: (source: string) => void;
  serverMarks: SourceMark[];
  onTypeErrors?: (marks: SourceMark[]) => void;
  handleRef?: React.RefObject<CodeEditorHandle | null>;
}) {
  const { t, i18n } = useTranslation();
  const locale: 'ru' | 'en' = i18n.language === 'en' ? 'en' : 'ru';
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  // The latest callbacks, read by listeners registered once.
  const latest = useRef({ onChange, onTypeErrors, locale });
  latest.current = { onChange, onTypeErrors, locale };
  // The latest value, read when the editor is created (after Monaco loads, renders later than the mount).
  const latestValue = useRef(value);
  latestValue.current = value;
  const echoes = useRef(new EchoTracker());
  const ariaLabel = t('script.code');

  // The editor is created once per mount; later values flow in through the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount
  useEffect(() => {
    let disposed = false;
    const disposers: (() => void)[] = [];
    loadMonaco(locale)
      .then(({ monaco }) => {
        if (disposed || !host.current) return;
        monacoRef.current = monaco;
        const uri = monaco.Uri.parse(scriptUri);
        const model =
          monaco.editor.getModel(uri) ?? monaco.editor.createModel(latestValue.current, 'typescript', uri);
        model.setValue(latestValue.current);
        echoes.current.reset();
        const instance = monaco.editor.create(host.current, {
          model,
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 13,
          tabSize: 2,
          scrollBeyondLastLine: false,
          fixedOverflowWidgets: true,
          ariaLabel,
        });
        editor.current = instance;
        disposers.push(() => instance.dispose());
        const change = model.onDidChangeContent(() => {
          if (echoes.current.applying) return;
          const text = model.getValue();
          echoes.current.emitted(text);
          latest.current.onChange(text);
        });
        disposers.push(() => change.dispose());
        const markers = monaco.editor.onDidChangeMarkers((uris) => {
          if (!uris.some((u) => u.toString() === uri.toString())) return;
          const found = monaco.editor.getModelMarkers({ resource: uri, owner: 'typescript' });
          // The TypeScript worker's markers are reworded in place, so the squiggle's tooltip reads like the list
          // below the editor; setting them calls this listener again, which then finds them worded and lists them.
          const worded = found.map((m) =>
            isWorded(m.message)
              ? m
              : {
                  ...m,
                  message: typeDiagnosticText(
                    typeof m.code === 'object' ? m.code.value : (m.code ?? ''),
                    m.message,
                    latest.current.locale,
                  ),
                },
          );
          if (worded.some((m, i) => m.message !== found[i]?.message)) {
            // Not while this event is being delivered: Monaco drops a marker change fired from its own listener.
            queueMicrotask(() => {
              if (!model.isDisposed()) monaco.editor.setModelMarkers(model, 'typescript', worded);
            });
            return;
          }
          const typeErrors = found
            .filter((m) => m.severity === monaco.MarkerSeverity.Error)
            .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message }));
          latest.current.onTypeErrors?.(typeErrors);
        });
        disposers.push(() => markers.dispose());
      })
      .catch(() => setLoadFailed(true));
    return () => {
      disposed = true;
      for (const dispose of disposers) dispose();
      editor.current = null;
    };
  }, []);

  // The editor is the source of truth for what the author typed: the value coming back is usually the echo of an
  // earlier keystroke (a render can trail the typing), and pushing it into the model would drop the keystrokes
  // since. Only a value the editor never emitted (loading, a version restored, an edit in the JSON tab) replaces
  // the text, as one undoable edit.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model || echoes.current.isEcho(value) || model.getValue() === value) return;
    echoes.current.reset();
    echoes.current.applying = true;
    try {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    } finally {
      echoes.current.applying = false;
    }
  }, [value]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editor.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'opora-server',
      serverMarks.map((m) => ({
        severity: monaco.MarkerSeverity.Error,
        message: m.message,
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.line,
        endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())),
      })),
    );
  }, [serverMarks]);

  useEffect(() => {
    if (!handleRef) return;
    handleRef.current = {
      reveal(line, column = 1) {
        const instance = editor.current;
        if (!instance) return;
        instance.revealLineInCenter(line);
        instance.setPosition({ lineNumber: line, column });
        instance.focus();
      },
    };
  }, [handleRef]);

  if (loadFailed) return <div className="banner error">{t('script.editorFailed')}</div>;
  return <div className="code-editor" ref={host} data-testid="script-editor" />;
}
