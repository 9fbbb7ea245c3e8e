import { createHash, randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FileRef } from '@opora/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const ticketType = {
  schemaVersion: 1,
  label: { ru: 'Заявка' },
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' }, required: true },
    {
      key: 'attachments',
      type: 'file',
      label: { ru: 'Вложения' },
      multiple: true,
      maxSizeMb: 2,
      accept: ['.pdf', '.txt', 'image/*'],
    },
    { key: 'tiny', type: 'file', label: { ru: 'Маленький' }, maxSizeMb: 0.001 },
    {
      key: 'lines',
      type: 'table',
      label: { ru: 'Строки' },
      columns: [
        { key: 'note', type: 'string', label: { ru: 'Примечание' } },
        { key: 'doc', type: 'file', label: { ru: 'Документ' } },
      ],
    },
  ],
};

type Part =
  | { name: string; value: string }
  | { name: string; filename: string; type: string; content: Buffer };

/** A multipart body as browsers send it (raw UTF-8 file names), built by hand to control every byte. */
function multipart(parts: Part[]) {
  const boundary = `----opora${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part)
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    else
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.type}\r\n\r\n`,
        ),
        part.content,
        Buffer.from('\r\n'),
      );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe.each(databaseTargets)('file attachments on $name', (target) => {
  let h: Harness;
  let analyst: Record<string, string>;
  let operator: Record<string, string>;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  const upload = (
    headers: Record<string, string>,
    file: { name?: string; type?: string; content: Buffer },
    to: { entity?: string; field?: string } = {},
    options: { stream?: boolean; fileFirst?: boolean } = {},
  ) => {
    const fields: Part[] = [
      { name: 'entity', value: to.entity ?? 'ticket' },
      { name: 'field', value: to.field ?? 'attachments' },
    ];
    const filePart: Part = {
      name: 'file',
      filename: file.name ?? 'notes.txt',
      type: file.type ?? 'text/plain',
      content: file.content,
    };
    const { body, type } = multipart(options.fileFirst ? [filePart, ...fields] : [...fields, filePart]);
    return h.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: {
        ...headers,
        'content-type': type,
        // Streamed without a length, the limit can only be found while reading.
        ...(options.stream ? { 'transfer-encoding': 'chunked' } : {}),
      },
      payload: options.stream ? Readable.from([body.subarray(0, 100), body.subarray(100)]) : body,
    });
  };

  /** Everything under DATA_DIR/files: blobs by hash, and what is left in tmp/. */
  async function disk() {
    const root = join(h.dataDir, 'files');
    const list = async (dir: string) => readdir(dir).catch(() => [] as string[]);
    const blobs: string[] = [];
    for (const prefix of await list(root))
      if (prefix !== 'tmp') blobs.push(...(await list(join(root, prefix))));
    return { blobs: blobs.sort(), temp: await list(join(root, 'tmp')) };
  }

  const fileRows = async () =>
    Number((await h.db.query<{ n: string | number }>('select count(*) as n from file'))[0]!.n);

  async function createTicket(headers: Record<string, string>, data: object) {
    return call('POST', '/records/ticket', headers, { data: { subject: 'Не работает', ...data } });
  }

  beforeAll(async () => {
    h = await createHarness(target);
    analyst = await h.as('analyst');
    operator = await h.as('operator');
    const created = await call('POST', '/definitions', analyst, {
      kind: 'entity',
      key: 'ticket',
      name: 'ticket',
      body: ticketType,
    });
    expect(created.statusCode).toBe(201);
    const published = await call('POST', `/definitions/${created.json().id}/publish`, analyst, {
      draftVersion: 1,
    });
    expect(published.statusCode).toBe(201);
  });
  afterAll(() => h.close());

  it('round-trips a file larger than the JSON body limit, keeping its Russian name and every byte', async () => {
    const content = randomBytes(1536 * 1024);
    const name = 'Договор №5 (май) «итог».pdf';
    // What a browser or the SDK sends: FormData, streamed.
    const form = new FormData();
    form.append('entity', 'ticket');
    form.append('field', 'attachments');
    form.append('file', new Blob([content], { type: 'application/pdf' }), name);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: operator,
      payload: form,
    });
    expect(res.statusCode, res.body).toBe(201);
    const ref = res.json() as FileRef;
    expect(ref).toEqual({
      id: expect.any(String),
      name,
      size: content.length,
      contentType: 'application/pdf',
    });

    const download = await call('GET', `/files/${ref.id}`, operator);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(content.length));
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    // What a browser does with the header: the UTF-8 name wins over the ASCII fallback.
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[^\s"]+$/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(name);

    const again = await call('GET', `/files/${ref.id}`, {
      ...operator,
      'if-none-match': `"${sha(content)}"`,
    });
    expect(again.statusCode).toBe(304);
  });

  it('keeps identical content once on disk however often it is uploaded', async () => {
    const content = Buffer.from(`одинаковое содержимое ${randomBytes(8).toString('hex')}`);
    const before = await disk();
    const first = await upload(operator, { name: 'раз.txt', content });
    const second = await upload(analyst, { name: 'два.txt', content });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(first.json().id).not.toBe(second.json().id);
    // Raw UTF-8 in the part header, as browsers send it.
    expect(first.json().name).toBe('раз.txt');
    const after = await disk();
    expect(after.blobs.length).toBe(before.blobs.length + 1);
    expect(after.blobs).toContain(sha(content));
    expect(after.temp).toEqual([]);
    expect((await call('GET', `/files/${second.json().id}`, analyst)).body).toBe(content.toString());
  });

  it('refuses an oversized file whether or not the length is declared, leaving no row, blob or temp file', async () => {
    const before = { rows: await fileRows(), disk: await disk() };
    // Large enough that the declared Content-Length alone gives it away; streamed, the limit is hit while reading.
    const content = randomBytes(40_000);
    for (const stream of [false, true]) {
      const res = await upload(operator, { name: 'big.bin', content }, { field: 'tiny' }, { stream });
      expect(res.statusCode, `stream: ${stream}`).toBe(413);
      expect(res.json().error.code).toBe('file_too_large');
      expect(res.json().error.message).toBe('Файл слишком большой: можно не больше 0.001 МБ');
      expect(res.headers.connection).toBe('close');
    }
    expect(await fileRows()).toBe(before.rows);
    expect(await disk()).toEqual(before.disk);
    // Just under the limit is fine.
    expect(
      (await upload(operator, { name: 'ok.bin', content: content.subarray(0, 1048) }, { field: 'tiny' }))
        .statusCode,
    ).toBe(201);
  });

  it('refuses a type the field does not accept before reading it, storing nothing', async () => {
    const before = { rows: await fileRows(), disk: await disk() };
    const res = await upload(operator, {
      name: 'setup.exe',
      type: 'application/x-msdownload',
      content: randomBytes(100),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: 'file_type_not_allowed',
      message: 'Файл «setup.exe» этого типа сюда загрузить нельзя; допустимо: .pdf, .txt, image/*',
    });
    expect(await fileRows()).toBe(before.rows);
    expect(await disk()).toEqual(before.disk);
    const image = await upload(operator, { name: 'скан', type: 'image/png', content: randomBytes(100) });
    expect(image.statusCode).toBe(201);
  });

  it('refuses unknown data types and fields, misordered forms and non-multipart bodies', async () => {
    const content = Buffer.from('x');
    const unknownEntity = await upload(operator, { content }, { entity: 'nope' });
    expect([unknownEntity.statusCode, unknownEntity.json().error.code]).toEqual([
      404,
      'entity_not_published',
    ]);
    for (const field of ['nope', 'subject', 'lines', 'lines.note']) {
      const res = await upload(operator, { content }, { field });
      expect([res.statusCode, res.json().error.code], field).toEqual([400, 'file_field_unknown']);
    }
    const misordered = await upload(operator, { content }, {}, { fileFirst: true });
    expect([misordered.statusCode, misordered.json().error.code]).toEqual([400, 'file_upload_invalid']);
    const noFile = multipart([
      { name: 'entity', value: 'ticket' },
      { name: 'field', value: 'attachments' },
    ]);
    const missing = await h.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...operator, 'content-type': noFile.type },
      payload: noFile.body,
    });
    expect([missing.statusCode, missing.json().error.message]).toEqual([400, 'В запросе нет файла']);
    const json = await call('POST', '/files', operator, { entity: 'ticket' });
    expect([json.statusCode, json.json().error.code]).toEqual([415, 'unsupported_media_type']);
  });

  it('lets colleagues download a file once a record holds it; others never; unattached ones only the uploader', async () => {
    const content = Buffer.from('акт сверки');
    const ref = (await upload(operator, { name: 'акт.txt', content })).json() as FileRef;
    expect((await call('GET', `/files/${ref.id}`, operator)).statusCode).toBe(200);
    expect((await call('GET', `/files/${ref.id}`, analyst)).statusCode).toBe(404);

    const record = await createTicket(operator, { attachments: [ref] });
    expect(record.statusCode, record.body).toBe(201);
    const fromColleague = await call('GET', `/files/${ref.id}`, analyst);
    expect(fromColleague.statusCode).toBe(200);
    expect(fromColleague.body).toBe('акт сверки');
    // A client reads only their own tickets, so for them the file does not exist.
    expect((await call('GET', `/files/${ref.id}`, await h.as('client'))).statusCode).toBe(404);
    expect((await call('GET', `/files/${ref.id}`, {})).statusCode).toBe(401);

    // Once no live record holds it, it is the uploader's again.
    const { id, version } = record.json();
    expect((await call('DELETE', `/records/ticket/${id}?version=${version}`, operator)).statusCode).toBe(204);
    expect((await call('GET', `/files/${ref.id}`, analyst)).statusCode).toBe(404);
    expect((await call('GET', `/files/${ref.id}`, operator)).statusCode).toBe(200);
  });

  it('follows files into table rows', async () => {
    const ref = (await upload(operator, { content: Buffer.from('строка') }, { field: 'lines.doc' })).json();
    const record = await createTicket(operator, { lines: [{ note: 'первая', doc: ref }] });
    expect(record.statusCode, record.body).toBe(201);
    expect((await call('GET', `/files/${ref.id}`, analyst)).statusCode).toBe(200);
  });

  it('refuses to save a record pointing at files that were not uploaded for that field', async () => {
    const missing = {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'нет.pdf',
      size: 1,
      contentType: 'application/pdf',
    };
    const unknown = await createTicket(operator, { attachments: [missing] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      {
        pointer: '/data/attachments/0',
        code: 'file_ref',
        message: 'Файл «нет.pdf» не найден среди загруженных для этого поля; загрузите его заново',
      },
    ]);
    const tiny = (await upload(operator, { content: Buffer.from('t') }, { field: 'tiny' })).json();
    expect((await createTicket(operator, { attachments: [tiny] })).statusCode).toBe(400);
    expect((await createTicket(operator, { tiny: { ...tiny, size: 999 } })).statusCode).toBe(400);
    // Someone else's unattached upload cannot be pulled into a record to read it.
    const theirs = (await upload(analyst, { content: Buffer.from('чужое') })).json();
    expect((await createTicket(operator, { attachments: [theirs] })).statusCode).toBe(400);

    const mine = await createTicket(operator, { tiny });
    expect(mine.statusCode).toBe(201);
    // A colleague may keep it while editing the record, and copy it into another record.
    const edited = await call('PATCH', `/records/ticket/${mine.json().id}`, analyst, {
      version: mine.json().version,
      data: { subject: 'Изменено' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await createTicket(analyst, { tiny })).statusCode).toBe(201);
  });

  it('answers 404 for an unknown file, 400 for a malformed id, 500 when the content is gone', async () => {
    const unknown = await call('GET', '/files/00000000-0000-4000-8000-000000000000', operator);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'not_found']);
    expect((await call('GET', '/files/not-a-uuid', operator)).statusCode).toBe(400);
    // Content lost from disk (a restore without DATA_DIR/files, say) is a server fault, said plainly.
    const content = randomBytes(64);
    const ref = (await upload(operator, { content })).json();
    await rm(join(h.dataDir, 'files', sha(content).slice(0, 2), sha(content)));
    const lost = await call('GET', `/files/${ref.id}`, operator);
    expect([lost.statusCode, lost.json().error.code]).toEqual([500, 'file_content_missing']);
  });
});
