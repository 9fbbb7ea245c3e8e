import type { BotBody } from '@opora/runtime/definitions';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { searchKnowledgeBase } from './kb-search-service';
import { type ChatTexts, TestChatRun } from './test-chat-run';

/** Timers this close fire by themselves (a short wait is watched through); longer ones wait for «skip». */
const selfFiringMs = 15_000;

/**
 * The draft bot in a chat beside the canvas: the client's messages and button presses go to the same engine the
 * server runs, the bot's messages come back with their buttons. The block the session is at is highlighted on the
 * canvas through `onCurrent`. «Начать заново» starts a new session from the draft as it is now.
 */
export function TestChat({
  body,
  onCurrent,
  onClose,
}: {
  body: BotBody;
  onCurrent: (blockId: string | null) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  const bodyRef = useRef(body);
  bodyRef.current = body;
  const [generation, setGeneration] = useState(0);
  const [run, setRun] = useState<TestChatRun | null>(null);
  const [text, setText] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session only on open and on «restart».
  useEffect(() => {
    const texts: ChatTexts = {
      notRun: (what) => t('botDesigner.chat.notRun', { what }),
      handedOver: (line) => t('botDesigner.chat.handedOver', { line }),
      jumped: (bot) => t('botDesigner.chat.jumped', { bot }),
      ended: () => t('botDesigner.chat.ended'),
      failed: (block, message) => t('botDesigner.chat.failed', { block, message }),
      refused: (why) => t('botDesigner.chat.refused', { why }),
    };
    let next: TestChatRun | null = null;
    try {
      next = new TestChatRun(bodyRef.current, locale, texts, { searchKnowledgeBase });
    } catch {
      next = null;
    }
    setRun(next);
    next?.open();
    return () => next?.stop();
  }, [generation, locale]);

  const state = useSyncExternalStore(run?.subscribe ?? noSubscribe, () => run?.get() ?? null);
  const current = state?.session.block ?? null;
  useEffect(() => onCurrent(current), [current, onCurrent]);
  useEffect(() => () => onCurrent(null), [onCurrent]);

  // Short timers fire on their own, with the real clock; «skip» fires the next at once.
  const timers = state?.timers ?? [];
  useEffect(() => {
    if (!run || timers.length === 0) return;
    const first = Math.min(...timers.map((x) => x.at));
    const wait = first - Date.now();
    if (wait > selfFiringMs) return;
    const timer = setTimeout(() => run.skipWait(), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [run, timers]);

  const list = useRef<HTMLOListElement>(null);
  const count = state?.entries.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when an entry arrives.
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);

  const send = () => {
    const message = text.trim();
    if (!message || !run) return;
    run.say(message.slice(0, 4000));
    setText('');
  };
  const status = state?.session.status;

  return (
    <section className="bd-chat" data-testid="bd-test-chat" aria-label={t('botDesigner.chat.title')}>
      <div className="bd-chat-head">
        <h3>{t('botDesigner.chat.title')}</h3>
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          data-testid="bd-chat-restart"
          onClick={() => setGeneration((g) => g + 1)}
        >
          {t('botDesigner.chat.restart')}
        </button>
        <button
          type="button"
          className="btn ghost"
          aria-label={t('botDesigner.chat.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <small className="muted">{t('botDesigner.chat.hint')}</small>
      {!run ? (
        <p className="banner warn">{t('botDesigner.chat.cantRun')}</p>
      ) : (
        <>
          <ol className="bd-chat-log" ref={list} data-testid="bd-chat-log">
            {count === 0 && <li className="muted">{t('botDesigner.chat.empty')}</li>}
            {state?.entries.map((entry, i) =>
              entry.kind === 'note' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a chat's entries have no identity beyond their order
                <li key={i} className={`bd-chat-note ${entry.tone}`} data-testid="bd-chat-note">
                  {entry.text}
                </li>
              ) : entry.kind === 'client' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a chat's entries have no identity beyond their order
                <li key={i} className="bd-chat-client" data-testid="bd-chat-client">
                  {entry.text}
                </li>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a chat's entries have no identity beyond their order
                <li key={i} className="bd-chat-bot" data-testid="bd-chat-bot">
                  <span>{entry.text}</span>
                  {entry.buttons.length > 0 && (
                    <span className="bd-chat-buttons">
                      {entry.buttons.map((b) => (
                        <button
                          key={b.value}
                          type="button"
                          className="btn"
                          data-testid={`bd-chat-button-${b.value}`}
                          disabled={answered(state.entries, i)}
                          onClick={() => run.say(b.label, b.value, b.label)}
                        >
                          {b.label}
                        </button>
                      ))}
                    </span>
                  )}
                </li>
              ),
            )}
          </ol>
          <div className="bd-chat-actions">
            {timers.length > 0 && (
              <button type="button" className="btn" data-testid="bd-chat-skip" onClick={() => run.skipWait()}>
                {t('botDesigner.chat.skipWait')}
              </button>
            )}
            {status === 'handedOver' && (
              <button
                type="button"
                className="btn"
                data-testid="bd-chat-operator-returns"
                onClick={() => run.operatorReturns()}
              >
                {t('botDesigner.chat.operatorReturns')}
              </button>
            )}
          </div>
          <form
            className="bd-chat-form"
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <input
              value={text}
              maxLength={4000}
              placeholder={t('botDesigner.chat.placeholder')}
              aria-label={t('botDesigner.chat.placeholder')}
              data-testid="bd-chat-input"
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="btn primary" data-testid="bd-chat-send" disabled={!text.trim()}>
              {t('botDesigner.chat.send')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

const noSubscribe = () => () => undefined;

/** Buttons the client already answered (a message of theirs came after) belong to a question already past. */
const answered = (entries: readonly { kind: string }[], index: number): boolean =>
  entries.slice(index + 1).some((e) => e.kind === 'client');
