import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../lib/store';
import { approvalOutcomes, commentRequired } from './task-actions';
import type { TaskPanel } from './task-panel';
import type { TaskDetail } from './task-types';

/** Согласовать / Вернуть на доработку / Отклонить (as the step allows), with a comment the last two need. */
export function ApprovalActions({ task, panel }: { task: TaskDetail; panel: TaskPanel }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy } = useStore(panel.store);
  const decide = async (outcome: string) => {
    const text = comment.trim();
    if (commentRequired(outcome) && !text) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const done = await panel.complete({
      outcome,
      ...(text ? { comment: text } : {}),
      ...(task.documentHash ? { seenHash: task.documentHash } : {}),
    });
    if (done) setComment('');
  };
  return (
    <section className="task-decision" data-testid="approval-actions">
      <label className="field">
        <span>{t('tasks.panel.comment')}</span>
        <textarea
          value={comment}
          rows={3}
          maxLength={4000}
          aria-invalid={missing}
          aria-describedby={missing ? 'task-comment-missing' : undefined}
          onChange={(event) => {
            setComment(event.target.value);
            if (event.target.value.trim()) setMissing(false);
          }}
          data-testid="task-comment"
        />
      </label>
      {missing && (
        <p id="task-comment-missing" className="danger-text" role="alert">
          {t('tasks.panel.commentRequired')}
        </p>
      )}
      <div className="form-actions">
        {approvalOutcomes(task.outcomes).map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={outcome === 'approve' ? 'btn primary' : outcome === 'reject' ? 'btn danger' : 'btn'}
            disabled={busy}
            onClick={() => void decide(outcome)}
            data-testid={`task-${outcome}`}
          >
            {t(`tasks.outcome.${outcome}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
