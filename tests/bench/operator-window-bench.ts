// The operator's single window in Chromium with a long history: WINDOW_DIALOGS dialogs (10,000 by default, three
// messages each) in the database, six of them open as tabs. Timed: the window's first paint (to its first queue
// rows), beside the bare sign-in page of the same bundle; a switch between tabs to the next painted frame, beside
// an empty frame. Needs the built UIs (`node server/bin/build-uis.mjs`). Alone: BENCH_ONLY=window npm run bench
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSupportDesk, publishPortal } from '@opora/server/testing/portal-fixture';
import { createHarness, testPassword } from '@opora/server/testing/test-app';
import type { databaseTargets } from '@opora/server/testing/test-database';
import { launchBrowser } from '../e2e/support/browser.js';
import type { Row } from './measure.js';

const dialogs = Number(process.env.WINDOW_DIALOGS ?? 10_000);
const openTabs = 6;
const switches = 60;

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const uiRoots = { designerDist: resolve(repo, 'designer/dist'), portalDist: resolve(repo, 'portal/dist') };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function operatorWindowBench(target: (typeof databaseTargets)[number]): Promise<Row[]> {
  const h = await createHarness(target, { uiRoots });
  const browser = await launchBrowser();
  try {
    await createSupportDesk(h);
    await publishPortal(h);
    // The history in bulk, as the conversation store writes it: contacts, open dialogs, three messages each.
    await h.db.query(
      `insert into contact (id, channel, channel_key, external_id, display_name, created_at, updated_at)
       select gen_random_uuid(), 'telegram', 'bench-window', 'window-' || n, 'Клиент ' || n, now(), now()
       from generate_series(1, ?) as n`,
      [dialogs],
    );
    await h.db.query(
      `insert into conversation (id, channel, channel_key, contact_id, status, handler, message_count, opened_at,
         last_message_at)
       select gen_random_uuid(), 'telegram', 'bench-window', c.id, 'open', 'queue', 3,
         now() - (row_number() over ()) * interval '1 second', now() - (row_number() over ()) * interval '1 second'
       from contact c where c.channel_key = 'bench-window'`,
    );
    await h.db.query(
      `insert into message (id, conversation_id, direction, author_kind, text, parts, attachments, external_id,
         created_at)
       select gen_random_uuid(), v.id, 'in', 'client', 'Сообщение ' || k || ': где мой заказ?', '[]'::jsonb,
         '[]'::jsonb, 'window:' || v.id || ':' || k, v.last_message_at
       from conversation v, generate_series(1, 3) as k where v.channel_key = 'bench-window'`,
    );
    const [seeded] = await h.db.query<{ n: string }>(
      `select count(*) as n from message m join conversation v on v.id = m.conversation_id
       where v.channel_key = 'bench-window'`,
    );
    if (Number(seeded?.n) !== dialogs * 3)
      throw new Error(`seeded ${seeded?.n} messages, not ${dialogs * 3}`);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-input').fill('operator-user');
    await page.getByTestId('password-input').fill(testPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('operator-window').waitFor();

    const loads = async (path: string, ready: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await page.goto(`${base}${path}`);
        await page.getByTestId(ready).first().waitFor();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[2] ?? 0;
    };
    const bare = await loads('/login', 'login-input');
    // Last, so the window stays on screen for the switching below.
    const firstPaint = await loads('/operator', 'conversation-row');

    const rows = page.getByTestId('conversation-row');
    for (let i = 0; i < openTabs; i++) {
      await rows.nth(i).click();
      await page.getByTestId('message').first().waitFor();
    }
    const frames = await page.evaluate(
      async ({ count }) => {
        // No named helpers in here: tsx would wrap them in a `__name` the page does not have.
        const switchTimes: number[] = [];
        const emptyTimes: number[] = [];
        for (let i = 0; i < count; i++) {
          let start = performance.now();
          window.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', altKey: true }),
          );
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          switchTimes.push(performance.now() - start);
          start = performance.now();
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          emptyTimes.push(performance.now() - start);
        }
        return { switchTimes, emptyTimes };
      },
      { count: switches },
    );
    const tabs = await page.getByTestId('dialog-tabs').getByRole('tab').count();
    if (tabs !== openTabs) throw new Error(`${tabs} tabs open, not ${openTabs}`);
    const switched = frames.switchTimes.sort((a, b) => a - b);
    const empty = frames.emptyTimes.sort((a, b) => a - b);
    const median = percentile(switched, 0.5);
    const emptyMedian = percentile(empty, 0.5);
    return [
      {
        benchmark: `window first paint, ${dialogs} dialogs in history (median of 5)`,
        figure: ms(firstPaint),
        baseline: `sign-in page ${ms(bare)}`,
        ratio: (firstPaint / bare).toFixed(2),
      },
      {
        benchmark: `tab switch, ${openTabs} open (median / p95 of ${switches}, goal < 100 ms)`,
        figure: `${ms(median)} / ${ms(percentile(switched, 0.95))}`,
        baseline: `empty frame ${ms(emptyMedian)}`,
        ratio: (median / emptyMedian).toFixed(2),
      },
    ];
  } finally {
    await browser.close();
    await h.close();
  }
}
