import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOpenAt, outOfHoursReply, type PublishedLine, routeDialog } from '../lines/index.js';
import { type Bundle, orderForPublish, resolveRecordRefs, validateBundle } from './bundle.js';
import { compileRecordValidator } from './entity/record-validator.js';
import type { EntityBody } from './entity/schema.js';
import type { DefinitionKind } from './kinds.js';
import type { LineBody } from './line/schema.js';
import type { ProcessBody } from './process/schema.js';
import { checkReferences } from './references.js';
import type { TreeBody } from './tree/schema.js';
import { treeDepths } from './tree/semantics.js';
import { validateDefinitionBody } from './validate-body.js';

const bundle = JSON.parse(
  readFileSync(new URL('../../../templates/support-desk/bundle.json', import.meta.url), 'utf8'),
) as Bundle;

describe('support-desk template', () => {
  it('is a valid bundle with the core data types, their forms, the portal and its knowledge base', () => {
    expect(validateBundle(bundle)).toEqual([]);
    const keys = bundle.definitions.map((d) => `${d.kind}:${d.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'entity:request',
        'entity:client',
        'entity:company',
        'form:request-create',
        'form:client-card',
        'form:feedback',
        'tree:support',
        'page:home',
        'portal:main',
        'process:refund-approval',
        'process:kb-article-review',
      ]),
    );
    const kb = bundle.knowledgeBase!;
    expect(kb.articles.length).toBeGreaterThanOrEqual(25);
    expect(
      kb.articles.filter((a) => a.state === 'published' && a.audience === 'public').length,
    ).toBeGreaterThanOrEqual(25);
  });

  it('has a question tree whose article leaves are published public articles of the bundle', () => {
    const tree = bundle.definitions.find((d) => d.kind === 'tree' && d.key === 'support')!.body as TreeBody;
    const articles = new Map(bundle.knowledgeBase!.articles.map((a) => [a.key, a]));
    const leaves = tree.nodes.flatMap((n) => (n.leaf?.type === 'article' ? [n.leaf.article] : []));
    expect(leaves.length).toBeGreaterThan(10);
    for (const key of leaves)
      expect(articles.get(key), key).toMatchObject({ state: 'published', audience: 'public' });
    expect(Math.max(...treeDepths(tree).values())).toBeGreaterThanOrEqual(3);
  });

  it('publishes in order with every reference resolved inside the bundle', () => {
    const published = new Map<string, unknown>();
    for (const def of orderForPublish(bundle.definitions)) {
      const resolve = (kind: DefinitionKind, key: string) =>
        published.get(`${kind}:${key}`) ??
        (kind === 'entity'
          ? bundle.definitions.find((d) => d.kind === kind && d.key === key)?.body
          : undefined);
      expect(checkReferences(def.kind, def.body, resolve), `${def.kind}:${def.key}`).toEqual([]);
      published.set(`${def.kind}:${def.key}`, def.body);
    }
  });

  it('has demo records valid against their data types', () => {
    const ids = new Map(
      (bundle.records ?? []).flatMap((r, i) =>
        r.ref ? [[r.ref, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`] as const] : [],
      ),
    );
    for (const record of bundle.records ?? []) {
      const entity = bundle.definitions.find((d) => d.kind === 'entity' && d.key === record.entity)!
        .body as EntityBody;
      const data = resolveRecordRefs(record.data as Record<string, unknown>, (ref) => ids.get(ref));
      expect(compileRecordValidator(entity)(data), `${record.entity} ${record.ref ?? ''}`).toEqual([]);
    }
  });

  describe('processes', () => {
    const processes = bundle.definitions.filter((d) => d.kind === 'process');

    it('are the refund approval and the article review, each publishing with no problem', () => {
      expect(processes.map((p) => [p.key, p.name])).toEqual([
        ['refund-approval', 'Согласование возврата денег'],
        ['kb-article-review', 'Проверка статьи базы знаний'],
      ]);
      for (const p of processes) {
        expect(p.published, p.key).toBe(true);
        expect(validateDefinitionBody('process', p.body, 'en'), p.key).toEqual([]);
      }
    });

    it('gives every node its bounds, laid out left to right from the starts', () => {
      for (const p of processes) {
        const body = p.body as ProcessBody;
        const x = new Map(body.nodes.map((n) => [n.id, n.position?.x ?? Number.NaN]));
        for (const n of body.nodes) {
          expect(n.position, `${p.key} ${n.id}`).toMatchObject({ width: expect.any(Number) });
          expect(n.position?.height, `${p.key} ${n.id}`).toBeGreaterThan(0);
          expect(n.name, `${p.key} ${n.id}`).toBeTruthy();
        }
        // Only a loop back for revision may point left.
        for (const f of body.flows.filter((f) => !f.waypoints))
          expect(x.get(f.target)!, `${p.key} ${f.id}`).toBeGreaterThan(x.get(f.source)!);
      }
    });

    it('starts the refund approval from the request (a message naming it) and from the API or a bot', () => {
      const refund = processes.find((p) => p.key === 'refund-approval')!.body as ProcessBody;
      expect(refund.entity).toBe('request');
      expect(refund.nodes.filter((n) => n.type === 'bpmn.startEvent').map((n) => n.config)).toEqual([
        { trigger: 'message', message: 'refund.requested' },
        { trigger: 'none' },
      ]);
      const request = bundle.definitions.find((d) => d.kind === 'entity' && d.key === 'request')!
        .body as EntityBody;
      const status = request.fields.find((f) => f.key === 'status')!;
      const statuses = status.type === 'enum' ? status.options.map((o) => o.value) : [];
      for (const n of refund.nodes)
        if (n.type === 'bpmn.serviceTask' && n.config.action === 'setStatus')
          expect(statuses, n.id).toContain(n.config.status);
    });
  });

  describe('lines of the contact centre', () => {
    const lines: PublishedLine[] = bundle.definitions
      .filter((d) => d.kind === 'line')
      .map((d) => ({ key: d.key, body: d.body as LineBody }));
    const chat = (text: string, treePath?: string) =>
      routeDialog(lines, { channelKey: 'site-chat', text, ...(treePath ? { treePath } : {}) });

    it('has «Общие вопросы» (the one default), «Бухгалтерия» and «Доставка и возврат», each valid', () => {
      expect(lines.map((l) => [l.key, l.body.title.ru])).toEqual([
        ['accounting', 'Бухгалтерия'],
        ['delivery', 'Доставка и возврат'],
        ['first-line', 'Общие вопросы'],
      ]);
      expect(lines.filter((l) => l.body.isDefault).map((l) => l.key)).toEqual(['first-line']);
      for (const line of lines) expect(validateDefinitionBody('line', line.body), line.key).toEqual([]);
      expect(new Set(lines.flatMap((l) => l.body.groups))).toEqual(new Set(['first-line', 'accounting']));
      for (const line of lines) {
        expect(line.body.sla?.firstResponseSeconds, line.key).toBeGreaterThan(0);
        expect(line.body.capacity, line.key).toBeGreaterThanOrEqual(3);
      }
    });

    it.each([
      ['Пришлите, пожалуйста, счёт на оплату', 'accounting'],
      ['Нужен акт сверки за квартал', 'accounting'],
      ['Хочу возврат денег за заказ', 'accounting'],
      ['Когда приедет курьер?', 'delivery'],
      ['Где мой заказ?', 'delivery'],
      ['Как оформить возврат товара', 'delivery'],
      ['Не могу войти в личный кабинет', 'first-line'],
    ])('routes «%s» to %s', (text, key) => {
      expect(chat(text)).toBe(key);
    });

    it('routes by the portal helper’s path too', () => {
      expect(chat('Здравствуйте', 'payment/pay-refund')).toBe('accounting');
      expect(chat('Здравствуйте', 'orders/order-return')).toBe('delivery');
      expect(chat('Здравствуйте', 'technical/tech-500')).toBe('first-line');
    });

    it('keeps accounting to Moscow weekdays 9–18 and says when it is back, offering a request', () => {
      const accounting = lines.find((l) => l.key === 'accounting')!.body;
      // Wednesday 2 December 2026, 12:00 and 19:00 Moscow; Saturday 5 December.
      expect(lineOpenAt(accounting.hours, new Date('2026-12-02T09:00:00Z')).open).toBe(true);
      expect(lineOpenAt(accounting.hours, new Date('2026-12-02T16:00:00Z')).open).toBe(false);
      expect(outOfHoursReply(accounting, new Date('2026-12-05T09:00:00Z'), 'ru')).toContain(
        'Мы вернёмся в понедельник в 9:00 (МСК).',
      );
      expect(accounting.outOfHours?.offerRequest).toBe(true);
      // New Year holidays: from the evening of 30 December back on 11 January.
      expect(lineOpenAt(accounting.hours, new Date('2026-12-30T16:00:00Z')).resumesAt).toEqual(
        new Date('2027-01-11T06:00:00Z'),
      );
    });
  });
});
