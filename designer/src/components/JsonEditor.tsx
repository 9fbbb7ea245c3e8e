import { type KeyboardEvent, useRef } from 'react';

export interface LineMark {
  line: number;
  message: string;
}

/** A monospace JSON editor with line numbers and problem markers in the gutter; Tab indents. */
export function JsonEditor({
  value,
  onChange,
  marks,
  readOnly,
  editorRef,
}: {
  value: string;
  onChange?: (text: string) => void;
  marks: LineMark[];
  readOnly?: boolean;
  editorRef?: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split('\n').length;
  const marked = new Map<number, string>();
  for (const m of marks)
    marked.set(m.line, marked.has(m.line) ? `${marked.get(m.line)}\n${m.message}` : m.message);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Tab' || readOnly) return;
    event.preventDefault();
    const el = event.currentTarget;
    const { selectionStart, selectionEnd } = el;
    onChange?.(`${value.slice(0, selectionStart)}  ${value.slice(selectionEnd)}`);
    requestAnimationFrame(() => el.setSelectionRange(selectionStart + 2, selectionStart + 2));
  };
  return (
    <div className="json-editor">
      <div className="gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => i + 1).map((line) => (
          <div
            key={line}
            className={marked.has(line) ? 'line-no marked' : 'line-no'}
            title={marked.get(line)}
          >
            {line}
          </div>
        ))}
      </div>
      <textarea
        ref={editorRef}
        data-testid="body-editor"
        spellCheck={false}
        value={value}
        readOnly={readOnly}
        onChange={(e) => onChange?.(e.target.value)}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        rows={Math.min(40, Math.max(12, lines + 1))}
      />
    </div>
  );
}
