import type { EntityBody, FormBody } from '@opora/runtime/definitions';
import { compileForm, prepareSubmission } from '@opora/runtime/forms';
import { requestForm, requestType } from '@opora/runtime/test-fixtures/request-form';
import type { Harness } from '@opora/server/testing/test-app';
import { againstBareInsert } from './against-insert.js';
import { measure, type Row } from './measure.js';

const submitted = {
  subject: 'Не прошла оплата по счёту',
  category: 'billing',
  contract: 'Д-2026',
  amount: 1500,
};

/**
 * Validated form submissions through the API (server re-evaluation of visibility and computed values, ajv
 * validation, save in a transaction with audit) against a bare INSERT of the same JSON, in the same run.
 */
export async function formSubmissions(
  h: Harness,
  headers: Record<string, string>,
  runs: number,
): Promise<Row[]> {
  const publish = async (kind: string, key: string, body: object) => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers,
      payload: { kind, key, name: key, body },
    });
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${created.json().id}/publish`,
      headers,
      payload: { draftVersion: 1 },
    });
    if (res.statusCode !== 201) throw new Error(`publish ${key} failed: ${res.body}`);
  };
  await publish('entity', 'request', requestType);
  await publish('form', 'request-create', requestForm);
  return againstBareInsert(
    h,
    'validated form submission via API',
    submitted,
    async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/forms/request-create/submit',
        headers,
        payload: { data: submitted },
      });
      if (res.statusCode !== 200) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
    },
    runs,
  );
}

/** A type with 200 fields of mixed kinds and a form placing all of them, with conditions and computed values. */
function wideForm(): { entity: EntityBody; form: FormBody } {
  const kinds = ['string', 'number', 'enum', 'date', 'boolean', 'text', 'email', 'money'] as const;
  const fields = Array.from({ length: 200 }, (_, i) => {
    const type = kinds[i % kinds.length] as (typeof kinds)[number];
    const base = { key: `f${i}`, label: { ru: `Поле ${i}` } };
    if (type === 'enum')
      return {
        ...base,
        type,
        options: [
          { value: 'a', label: { ru: 'А' } },
          { value: 'b', label: { ru: 'Б' } },
        ],
      };
    if (type === 'string') return { ...base, type, maxLength: 200, pattern: '^[^<>]*$' };
    return { ...base, type };
  });
  const layout = fields.map((f, i) => ({
    id: `e${i}`,
    type: 'field' as const,
    field: f.key,
    ...(i % 10 === 3 ? { visibleIf: `f${i - 1} == 'a' or f${i - 2} > 5` } : {}),
    ...(i % 8 === 7 && i > 8 ? { computed: `round(f${i - 8} * 1.2, 2)` } : {}),
  }));
  return {
    entity: { schemaVersion: 1, label: { ru: 'Широкий' }, fields } as EntityBody,
    form: { schemaVersion: 1, entity: 'wide', purpose: 'create', layout } as FormBody,
  };
}

/** What a new published version costs once: compiling a 200-field form (expressions + ajv validator), vs one evaluation. */
export async function wideFormCompile(): Promise<Row> {
  const { entity, form } = wideForm();
  const clock = { now: new Date(), timeZone: 'Europe/Moscow' };
  const compile = await measure(
    async () => {
      const compiled = compileForm(entity, form);
      prepareSubmission(compiled, { submitted: {}, clock, locale: 'ru' }); // forces the lazily compiled validator
    },
    30,
    { warmup: 3 },
  );
  const compiled = compileForm(entity, form);
  prepareSubmission(compiled, { submitted: {}, clock, locale: 'ru' });
  const data = Object.fromEntries(
    entity.fields.map((f, i) => [f.key, f.type === 'number' || f.type === 'money' ? i : undefined]),
  );
  const evaluate = await measure(
    async () => prepareSubmission(compiled, { submitted: data, clock, locale: 'ru' }),
    500,
  );
  return {
    benchmark: 'compile a 200-field form once (expressions + validator)',
    figure: `${compile.medianMs.toFixed(1)} ms median`,
    baseline: `one submission evaluated with it ${evaluate.medianMs.toFixed(3)} ms`,
    ratio: `${(compile.medianMs / evaluate.medianMs).toFixed(0)}×`,
  };
}
