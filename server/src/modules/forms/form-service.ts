import type { EntityBody, FormBody, Locale, SubmitAction } from '@opora/runtime/definitions';
import { type CompiledForm, compileForm, FormDesignError, prepareSubmission } from '@opora/runtime/forms';
import { buildHttpStepCall, mapHttpStepResponse } from '@opora/runtime/steps/http-step';
import type { FormSummary, RecordItem } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database } from '../../db/database.js';
import { AppError, fail } from '../../http/app-error.js';
import { message } from '../../http/messages.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { publishedOfKind } from '../definitions/published-of-kind.js';
import { CallRefused, type IntegrationCaller } from '../integrations/integration-call.js';
import type { RecordService } from '../records/record-service.js';
import type { ScriptService } from '../scripts/script-service.js';
import { danglingRelations } from './relation-check.js';

export interface FormSubmission {
  data: Record<string, unknown>;
  /** The record a card or edit form changes, with the version the person saw (optimistic concurrency). */
  recordId?: string;
  version?: number;
  /**
   * Values the server decides whatever the browser sent (a portal request's client is the signed-in client):
   * set after the form is evaluated, null removes the value.
   */
  fixed?: Record<string, unknown>;
}

export interface ActionOutcome {
  type: SubmitAction['type'];
  ok: boolean;
  message?: string;
}

export interface PublishedForm {
  form: { key: string; version: number; body: FormBody };
  entity: { key: string; version: number; body: EntityBody };
}

interface Loaded extends PublishedForm {
  compiled: CompiledForm;
}

/** Compiled forms kept: published versions never change, so an entry is valid for as long as it is kept. */
const maxCompiled = 200;

/**
 * Submitting a designed form: the server re-evaluates everything (visibility, computed values, validation)
 * with the same runtime the browser used, saves the record, then runs the form's on-submit actions.
 */
/** A form submitted and its record saved (its on-submit actions done), as the processes that start on it see it. */
export interface FormSubmitted {
  form: string;
  record: RecordItem;
  actor: Actor | null;
}

export class FormService {
  private readonly compiled = new Map<string, CompiledForm>();
  private readonly submittedListeners: ((submitted: FormSubmitted) => Promise<void>)[] = [];

  constructor(
    private readonly deps: {
      definitions: DefinitionService;
      records: RecordService;
      scripts: ScriptService;
      caller: IntegrationCaller;
      timeZone: string;
      clock: Clock;
      db: Database;
      /** Where an action's unexpected failure is logged in full; the submitter sees a generic message. */
      logFailure?: (error: unknown) => void;
    },
  ) {}

  /** The latest published form and its data type, as the generated screens render them. */
  async published(key: string): Promise<PublishedForm> {
    const { form, entity } = await this.load(key);
    return { form, entity };
  }

  /** Published forms of a data type, so screens can pick theirs by purpose (create, edit, card, portal). */
  async list(entity: string): Promise<{ items: FormSummary[] }> {
    const forms = await publishedOfKind(this.deps.db, 'form');
    return {
      items: forms.flatMap(({ key, version, body }) => {
        const form = body as FormBody;
        return form.entity === entity
          ? [{ key, version, purpose: form.purpose, title: form.title ?? null }]
          : [];
      }),
    };
  }

  /**
   * `viaPortal`: sent through the portal routes, where a published portal form lets clients and visitors
   * create records of its type whatever the type's create rights say (that is what publishing it means).
   */
  async submit(
    key: string,
    input: FormSubmission,
    actor: Actor | null,
    locale: Locale,
    { viaPortal = false }: { viaPortal?: boolean } = {},
  ) {
    const { compiled, entity } = await this.load(key);
    if (input.recordId !== undefined && input.version === undefined)
      throw fail.validation([
        { pointer: '/version', message: 'version is required with recordId', code: 'required' },
      ]);
    const existing = input.recordId
      ? await this.deps.records.get(entity.key, input.recordId, actor)
      : undefined;
    const prepared = prepareSubmission(compiled, {
      submitted: input.data,
      existing: existing?.data,
      clock: { now: dateOf(this.deps.clock), timeZone: this.deps.timeZone },
      locale,
    });
    for (const [field, value] of Object.entries(input.fixed ?? {})) {
      if (value === null) delete prepared.data[field];
      else prepared.data[field] = value;
      // What the browser sent there no longer matters, nor do its problems.
      prepared.problems = prepared.problems.filter((p) => p.pointer.split('/')[1] !== field);
    }
    if (!prepared.problems.length)
      prepared.problems.push(
        ...(await danglingRelations(this.deps.db, entity.body, prepared.data, existing?.data, locale)),
      );
    if (prepared.problems.length)
      throw fail.validation(prepared.problems.map((p) => ({ ...p, pointer: `/data${p.pointer}` })));
    let record =
      existing && input.version !== undefined
        ? await this.deps.records.update(
            entity.key,
            existing.id,
            input.version,
            prepared.data,
            actor,
            locale,
            {
              replace: true,
            },
          )
        : await this.deps.records.create(
            entity.key,
            prepared.data,
            actor,
            locale,
            viaPortal ? { grantedBy: 'portal' } : {},
          );
    const actions: ActionOutcome[] = [];
    for (const action of compiled.form.onSubmit ?? []) {
      const outcome = await this.runAction(action, record, entity.body, actor, locale).catch(
        (error: unknown) => ({
          record,
          outcome: {
            type: action.type,
            ok: false,
            message: this.actionFailure(error, locale),
          },
        }),
      );
      record = outcome.record;
      actions.push(outcome.outcome);
    }
    await this.tellSubmitted({ form: key, record, actor });
    return { record, actions };
  }

  /**
   * Lets another module act on every submission once its record is saved (a process whose start event waits
   * for the form). The record is committed already: a listener's failure is logged, never the submitter's.
   */
  onSubmitted(listener: (submitted: FormSubmitted) => Promise<void>): void {
    this.submittedListeners.push(listener);
  }

  private async tellSubmitted(submitted: FormSubmitted) {
    for (const listener of this.submittedListeners)
      await listener(submitted).catch((error: unknown) => this.deps.logFailure?.(error));
  }

  /** What the submitter reads about a failed action: the API's words, never a database's (SQL stays in the log). */
  private actionFailure(error: unknown, locale: Locale): string {
    if (error instanceof AppError) return message(locale, error.messageKey, error.params);
    if (error instanceof CallRefused) return error.describe(locale);
    this.deps.logFailure?.(error);
    return message(locale, 'internal');
  }

  /** An on-submit action; the record is already saved, so a failure is reported, never undone. */
  private async runAction(
    action: SubmitAction,
    record: RecordItem,
    entity: EntityBody,
    actor: Actor | null,
    locale: Locale,
  ): Promise<{ record: RecordItem; outcome: ActionOutcome }> {
    const { records } = this.deps;
    if (action.type === 'script') {
      const input = { id: record.id, number: record.number, entity: record.entity, data: record.data };
      const result = await this.deps.scripts.runPublished(
        action.script,
        input,
        { kind: `form:${record.entity}`, by: actor?.name ?? null },
        actor,
        locale,
      );
      if (!result.ok)
        return { record, outcome: { type: 'script', ok: false, message: result.error.message } };
      if (!action.resultField) return { record, outcome: { type: 'script', ok: true } };
      const updated = await records.update(
        record.entity,
        record.id,
        record.version,
        { [action.resultField]: result.output },
        actor,
        locale,
        { grantedBy: 'form' },
      );
      return { record: updated, outcome: { type: 'script', ok: true } };
    }
    const variables = { ...record.data, id: record.id, number: record.number };
    const response = await this.deps.caller.call(buildHttpStepCall(action.step, variables));
    const mapped = mapHttpStepResponse(action.step, response).variables;
    // Mapped variables named like fields of the record update them (e.g. /ticketId → externalId).
    const patch = Object.fromEntries(
      Object.entries(mapped).filter(([key]) => entity.fields.some((f) => f.key === key)),
    );
    if (!Object.keys(patch).length) return { record, outcome: { type: 'http', ok: true } };
    const updated = await records.update(record.entity, record.id, record.version, patch, actor, locale, {
      grantedBy: 'form',
    });
    return { record: updated, outcome: { type: 'http', ok: true } };
  }

  private async load(key: string): Promise<Loaded> {
    const { definitions } = this.deps;
    const form = await definitions.latestPublished('form', key);
    if (!form) throw fail.notFound(`form ${key}`);
    const formBody = form.body as FormBody;
    const entity = await definitions.latestPublished('entity', formBody.entity);
    if (!entity) throw fail.entityNotPublished(formBody.entity);
    const entityBody = entity.body as EntityBody;
    const cacheKey = `${key}@${form.version}|${formBody.entity}@${entity.version}`;
    let compiled = this.compiled.get(cacheKey);
    if (!compiled) {
      try {
        compiled = compileForm(entityBody, formBody);
      } catch (error) {
        // The data type changed under a published form (a field its expressions use is gone).
        if (error instanceof FormDesignError)
          throw fail.definitionInvalid(error.problems.map((p) => ({ ...p, pointer: `/body${p.pointer}` })));
        throw error;
      }
      if (this.compiled.size >= maxCompiled)
        this.compiled.delete(this.compiled.keys().next().value as string);
      this.compiled.set(cacheKey, compiled);
    }
    return {
      compiled,
      form: { key, version: form.version, body: formBody },
      entity: { key: formBody.entity, version: entity.version, body: entityBody },
    };
  }
}
