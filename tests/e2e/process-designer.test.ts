import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, pointerDrag, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/** A BPMN file as another tool writes it: a start, a user task for a role, an end, with their DI bounds. */
const refundBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="urn:t">
  <process id="refund" name="Возврат">
    <startEvent id="start"/><userTask id="check" name="Проверить"><potentialOwner><resourceRef>head</resourceRef></potentialOwner></userTask><endEvent id="end"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="check"/><sequenceFlow id="f2" sourceRef="check" targetRef="end"/>
  </process>
  <resource id="head" name="supervisor"/>
  <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="refund">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="check_di" bpmnElement="check"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="360" y="100" width="36" height="36"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/**
 * The whole path: an analyst draws an approval process — the starter's nodes deleted (the flow going along
 * is confirmed), a start, an approval task and an end added from the palette, the start connected to the approval
 * by dragging its handle; the live check names the approval while nothing reaches it; undo and redo by keys; the
 * start set to the request form, two approvers in parallel set in the approval's panel — and publishes version 1.
 * An operator files a request through that form, which starts it; the analyst sees the token in the instance view;
 * the two approvers decide at once, each in their own «Мои задачи»; the author reads both decisions in «Лист
 * согласования». Then a .bpmn file is imported over the draft and undone; a lane is added, renamed, resized and
 * dragged, a task dropped on it joins it; two nodes are Shift-selected and deleted after one confirmation.
 */
describe('process designer in Chromium', () => {
  let api: OporaClient;
  let browser: Browser;
  let page: Page;
  const people = {
    author: { login: 'anna', password: 'author-password-1', name: 'Анна Смирнова' },
    first: { login: 'pavel', password: 'approver-password-3', name: 'Павел Орлов' },
    second: { login: 'vera', password: 'approver-password-4', name: 'Вера Никитина' },
  };
  const approverIds: string[] = [];
  const subject = 'Возврат за двойное списание';
  const node = (id: string) => page.getByTestId(`prd-node-${id}`);
  const panelNode = () => page.getByTestId('prd-node-panel').getAttribute('data-node');
  const problemCount = () => page.getByTestId('prd-problem-count').textContent();
  const fit = async () => {
    await page.getByTestId('prd-fit').click();
    await page.waitForTimeout(350);
  };

  beforeAll(async () => {
    api = await adminApiClient(server);
    for (const person of Object.values(people)) {
      const user = await api.createUser({ ...person, roles: ['operator'] });
      if (person !== people.author) approverIds.push(user.id);
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-process');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds start → approval → end from the palette, naming the approval while it is unconnected', async () => {
    await page.getByTestId('nav-process').click();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-key').fill('request-approval');
    await page.getByTestId('definition-name').fill('Согласование обращения');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('process-designer').waitFor();
    await node('start').waitFor();
    await expect.poll(problemCount).toBe('Ошибок нет');
    await page.screenshot({ path: screenshotPath('process-designer-starter') });

    // The start has a flow: deleting it asks first; the end, alone then, goes at once.
    await node('start').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('confirm-dialog').textContent()).toContain('(1)');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Удалить' }).click();
    await expect.poll(() => node('start').count()).toBe(0);
    await node('end').click();
    await page.getByTestId('prd-remove').click();
    await expect.poll(() => node('end').count()).toBe(0);

    await page.getByTestId('prd-add-bpmn.startEvent').click();
    await node('start').waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.getByTestId('prd-add-opora.approvalTask').click();
    await expect.poll(panelNode).toBe('approval');
    await fit();

    // Nothing reaches the approval and nothing leaves it: the check says so, naming it; the node has a red mark.
    await expect.poll(() => node('approval').getByTestId('prd-node-problem-approval').count()).toBe(1);
    const problems = page.getByTestId('prd-problems');
    await expect.poll(() => problems.textContent()).toContain('(approval)');
    await expect.poll(() => problems.textContent()).toContain('не доходит ни один путь');
    await page.screenshot({ path: screenshotPath('process-designer-unconnected') });

    await pointerDrag(page, node('start').locator('.prd-out'), node('approval').locator('.prd-in'));
    await expect
      .poll(() => page.locator('[data-testid="rf__edge-flow:flow_start_approval"]').count())
      .toBe(1);
    await expect.poll(() => problems.textContent()).not.toContain('не доходит ни один путь');

    // Added with the approval selected, the end follows it.
    await node('approval').click();
    await page.getByTestId('prd-add-bpmn.endEvent').click();
    await expect.poll(panelNode).toBe('end');
    await expect.poll(problemCount).toBe('Ошибок нет');
    await expect.poll(() => page.locator('[data-testid="rf__edge-flow:flow_approval_end"]').count()).toBe(1);

    // A click on a problem selects its node: break the end's flow, pick the problem, undo and redo by keys.
    await page.locator('[data-testid="rf__edge-flow:flow_approval_end"]').dispatchEvent('click');
    await expect
      .poll(() => page.getByTestId('prd-flow-panel').getAttribute('data-flow'))
      .toBe('flow_approval_end');
    await page.keyboard.press('Delete');
    await expect.poll(problemCount).not.toBe('Ошибок нет');
    await page.getByTestId('prd-problem').first().click();
    await expect.poll(panelNode).toBe('approval');
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await expect.poll(problemCount).toBe('Ошибок нет');
    await page.keyboard.press('Control+z');
    await expect.poll(() => node('end').count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => node('end').count()).toBe(1);
    await expect.poll(problemCount).toBe('Ошибок нет');
  });

  it('starts it from the request form, and sets two approvers in parallel and the deadline', async () => {
    await fit();
    await node('start').click();
    await page.getByTestId('prd-start-trigger').selectOption('form');
    await page.getByTestId('prd-start-form').selectOption('request-create');
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.getByTestId('prd-process-entity').selectOption('request');

    await node('approval').click();
    await expect.poll(panelNode).toBe('approval');
    await page.getByTestId('prd-node-name').fill('Согласовать обращение');
    await page.getByTestId('prd-approvers-kind').selectOption('users');
    await page.getByTestId('prd-approvers-value').fill(approverIds.join(', '));
    await page.getByTestId('prd-approval-mode').selectOption('parallel');
    await page.getByTestId('prd-approval-rule').selectOption('all');
    await page.getByTestId('prd-approval-due-unit').selectOption('days');
    await page.getByTestId('prd-approval-due').fill('3');
    await page.getByTestId('prd-approval-escalate').fill('admin');
    await expect.poll(problemCount).toBe('Ошибок нет');
    await expect.poll(() => node('approval').textContent()).toContain('Согласовать обращение');
    // A reminder after the deadline is a problem the panel shows on the spot.
    await page.getByTestId('prd-approval-remind-unit').selectOption('days');
    await page.getByTestId('prd-approval-remind').fill('5');
    await expect
      .poll(() => page.getByTestId('prd-panel-problems').textContent())
      .toContain('напоминание должно быть раньше срока');
    await page.getByTestId('prd-approval-remind').fill('1');
    await expect.poll(problemCount).toBe('Ошибок нет');
    await fit();
    await page.screenshot({ path: screenshotPath('process-designer-approval-panel') });
  });

  it('publishes version 1 with the approval as drawn, and shows the version against the draft', async () => {
    await page.getByTestId('publish-definition').click();
    const outcome = page.locator('[data-testid="publish-result"], .banner.error').first();
    await outcome.waitFor({ timeout: 30_000 });
    await expect.poll(() => outcome.textContent(), { timeout: 20_000 }).toContain('Опубликована версия 1');

    const published = await api.getPublished('process', 'request-approval');
    const body = published.body as {
      entity?: string;
      nodes: { id: string; name?: string; config: unknown; position?: unknown }[];
    };
    expect(body.entity).toBe('request');
    expect(body.nodes.map((n) => n.id)).toEqual(['start', 'approval', 'end']);
    expect(body.nodes[0]?.config).toEqual({ trigger: 'form', form: 'request-create' });
    const approval = body.nodes[1];
    expect(approval?.name).toBe('Согласовать обращение');
    expect(approval?.config).toEqual({
      approvers: { kind: 'users', value: approverIds.join(', ') },
      mode: 'parallel',
      rule: 'all',
      allowReturn: true,
      dueInSeconds: 3 * 86_400,
      remindBeforeSeconds: 86_400,
      escalateTo: { kind: 'role', value: 'admin' },
      fourEyes: true,
    });
    expect(approval?.position).toMatchObject({ width: 100, height: 80 });

    // Export writes the saved draft as BPMN 2.0, through the browser's own session.
    const href = await page.getByTestId('prd-export').getAttribute('href');
    const exported = await page.request.get(`${server.baseUrl}${href}`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain('id="approval"');

    await page.getByTestId('versions-tab').click();
    await page.getByTestId('open-version-1').click();
    await expect
      .poll(() => page.getByTestId('prd-version-diff').textContent())
      .toContain('Черновик совпадает с этой версией');

    await page.getByTestId('design-tab').click();
  });

  it('is started by a request filed through the form, approved in two inboxes at once, and read by its author', async () => {
    const pageOf = async (person: (typeof people)[keyof typeof people], url: string, ready: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
      const opened = await context.newPage();
      await signIn(opened, `${server.baseUrl}${url}`, person.login, person.password, ready);
      return opened;
    };
    const approveIn = async (inbox: Page, comment: string) => {
      const row = inbox.getByTestId('task-row').filter({ hasText: subject });
      await expect.poll(() => row.count()).toBe(1);
      await row.getByRole('link').first().click();
      await inbox.getByTestId('approval-actions').waitFor();
      await inbox.getByTestId('task-comment').fill(comment);
      await inbox.getByTestId('task-approve').click();
      await expect.poll(() => inbox.getByTestId('task-outcome').textContent()).toBe('Согласовано');
    };

    const author = await pageOf(people.author, '/work/request/new', 'create-screen');
    await author.getByLabel('Тема').fill(subject);
    await author
      .getByLabel('Описание')
      .fill('Деньги за заказ 100245 списали дважды, прошу вернуть одну оплату.');
    await author.getByTestId('save').click();
    await author.getByTestId('card-screen').waitFor();

    // The analyst sees the instance the form started waiting at the approval, its path lit.
    await page.getByTestId('prd-mode-instances').click();
    const opened = page.locator('[data-testid^="prd-open-instance-"]').first();
    await expect.poll(() => opened.count()).toBe(1);
    await opened.click();
    await page.getByTestId('prd-instance').waitFor();
    await expect.poll(() => node('approval').getAttribute('class')).toContain('trace-token');
    expect(await node('start').getAttribute('class')).toContain('trace-visited');
    expect(await page.getByTestId('prd-instance-steps').textContent()).toContain('Согласовать обращение');
    await page.screenshot({ path: screenshotPath('process-designer-instances') });
    await page.getByTestId('prd-instance-back').click();
    await page.getByTestId('prd-mode-design').click();
    await node('approval').waitFor();

    const [first, second] = await Promise.all([
      pageOf(people.first, '/work/tasks', 'tasks-screen'),
      pageOf(people.second, '/work/tasks', 'tasks-screen'),
    ]);
    // Both see it at once: parallel, not one after the other.
    await approveIn(first, 'Двойное списание видно в выписке');
    await approveIn(second, 'Согласую возврат');

    await author.reload();
    await author.getByTestId('tab-approvals').click();
    const sheet = author.getByTestId('approval-sheet');
    await expect.poll(() => sheet.textContent()).toContain(people.second.name);
    const text = await sheet.textContent();
    expect(text).toContain(people.first.name);
    expect(text).toContain('Двойное списание видно в выписке');
    expect(text).toContain('Согласую возврат');
    await author.screenshot({ path: screenshotPath('tasks-parallel-approval-sheet'), fullPage: true });
    for (const person of [author, first, second]) await person.context().close();
  });

  it('imports a .bpmn file into the draft (the server reads it), and undo brings the drawn process back', async () => {
    await page.getByTestId('prd-import-file').setInputFiles({
      name: 'refund.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(refundBpmn),
    });
    await node('check').waitFor();
    await expect.poll(() => node('check').textContent()).toContain('Проверить');
    await expect.poll(() => node('approval').count()).toBe(0);
    await expect.poll(problemCount).toBe('Ошибок нет');
    await page.screenshot({ path: screenshotPath('process-designer-imported') });
    await page.getByTestId('prd-undo').click();
    await node('approval').waitFor();
    expect(await node('check').count()).toBe(0);
  });

  it('draws a lane: added, resized, a task dropped on it joins it and moves with it; two nodes Shift-selected and deleted', async () => {
    await fit();
    await page.getByTestId('prd-add-lane').click();
    await expect.poll(() => page.getByTestId('prd-lane-panel').getAttribute('data-lane')).toBe('lane');
    // The first lane wraps the diagram: its three nodes stand on it.
    await expect.poll(() => page.getByTestId('prd-lane-count').textContent()).toBe('Узлов на дорожке: 3');
    await page.getByTestId('prd-lane-name').fill('Юристы');
    await expect.poll(() => page.getByTestId('prd-lane-title-lane').textContent()).toBe('Юристы');
    await fit();

    // Resized by its bottom-right corner: it grows by what was dragged.
    const lane = page.getByTestId('rf__node-lane:lane');
    await page.getByTestId('prd-lane-title-lane').click();
    const before = await lane.boundingBox();
    const corner = await lane.locator('.react-flow__resize-control.handle.bottom.right').boundingBox();
    if (!before || !corner) throw new Error('the lane is not drawn');
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
    await page.mouse.down();
    await page.mouse.move(corner.x + 60, corner.y + 140, { steps: 8 });
    await page.mouse.up();
    await expect
      .poll(async () => ((await lane.boundingBox())?.height ?? 0) - before.height)
      .toBeGreaterThan(100);

    // A user task dropped from the palette into the lane's new lower part belongs to it.
    const grown = await lane.boundingBox();
    if (!grown) throw new Error('the lane is not drawn');
    const drop = { clientX: grown.x + 140, clientY: grown.y + grown.height - 60 };
    const carrier = await page.evaluateHandle(() => new DataTransfer());
    await page.getByTestId('prd-add-bpmn.userTask').dispatchEvent('dragstart', { dataTransfer: carrier });
    await page.getByTestId('prd-flow').dispatchEvent('dragover', { dataTransfer: carrier, ...drop });
    await page.getByTestId('prd-flow').dispatchEvent('drop', { dataTransfer: carrier, ...drop });
    await expect.poll(panelNode).toBe('task');
    await expect.poll(() => page.getByTestId('prd-node-lane').inputValue()).toBe('lane');
    await fit();
    await page.screenshot({ path: screenshotPath('process-designer-lane') });

    // Dragged by its title strip, the lane takes its nodes along, as far as it went itself.
    const top = async () => ({
      lane: (await lane.boundingBox())?.y ?? 0,
      task: (await node('task').boundingBox())?.y ?? 0,
    });
    const start = await top();
    const title = await page.getByTestId('prd-lane-title-lane').boundingBox();
    if (!title) throw new Error('the lane is not drawn');
    await page.mouse.move(title.x + title.width / 2, title.y + title.height / 2);
    await page.mouse.down();
    await page.mouse.move(title.x + title.width / 2 + 30, title.y + title.height / 2 + 60, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await top()).lane - start.lane).toBeGreaterThan(30);
    const end = await top();
    expect(Math.abs(end.task - start.task - (end.lane - start.lane))).toBeLessThan(2);
    await page.getByTestId('prd-lane-title-lane').click();
    await expect.poll(() => page.getByTestId('prd-lane-count').textContent()).toBe('Узлов на дорожке: 4');

    // Shift+click selects a second node; Delete asks once, naming how many, and removes both.
    await node('task').click();
    await node('end').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('prd-selection-count').textContent()).toBe('Выбрано: 2');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('confirm-dialog').textContent()).toContain('(2)');
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => node('end').count()).toBe(0);
    expect(await node('task').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => node('end').count()).toBe(1);
    expect(await node('task').count()).toBe(1);
  });
});
