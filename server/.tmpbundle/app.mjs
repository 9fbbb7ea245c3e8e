// server/src/app.ts
import Fastify from "fastify";

// server/src/adapters/index.ts
import { join as join2 } from "node:path";
import fp from "fastify-plugin";

// server/src/modules/files/file-store.ts
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
var SizeLimitExceeded = class extends Error {
  constructor(limitBytes) {
    super(`content exceeds ${limitBytes} bytes`);
    this.limitBytes = limitBytes;
    this.name = "SizeLimitExceeded";
  }
  limitBytes;
};
var FileStore = class {
  constructor(root) {
    this.root = root;
    this.tmp = join(root, "tmp");
  }
  root;
  tmp;
  blobPath(sha2562) {
    return join(this.root, sha2562.slice(0, 2), sha2562);
  }
  /** Streams `source` to disk while hashing and counting; more than `limitBytes` aborts with {@link SizeLimitExceeded}. */
  async put(source, limitBytes) {
    await mkdir(this.tmp, { recursive: true });
    const temp = join(this.tmp, `${randomUUID()}.part`);
    const hash = createHash("sha256");
    let size = 0;
    const meter = new Transform({
      transform(chunk, _encoding, done) {
        size += chunk.length;
        if (size > limitBytes) return done(new SizeLimitExceeded(limitBytes));
        hash.update(chunk);
        done(null, chunk);
      }
    });
    try {
      await pipeline(source, meter, createWriteStream(temp, { flags: "wx", flush: true }));
    } catch (error) {
      await unlink(temp).catch(() => void 0);
      throw error;
    }
    const sha2562 = hash.digest("hex");
    const target = this.blobPath(sha2562);
    try {
      if (await exists(target)) await unlink(temp);
      else {
        await mkdir(join(this.root, sha2562.slice(0, 2)), { recursive: true });
        await rename(temp, target);
      }
    } catch (error) {
      await unlink(temp).catch(() => void 0);
      throw error;
    }
    return { sha256: sha2562, size };
  }
  /** A stream of the blob, or undefined when the content is not on disk. */
  async open(sha2562) {
    try {
      const handle = await open(this.blobPath(sha2562), "r");
      return handle.createReadStream();
    } catch (error) {
      if (error.code === "ENOENT") return void 0;
      throw error;
    }
  }
};
async function exists(path2) {
  try {
    await stat(path2);
    return true;
  } catch (error) {
    if (error.code === "ENOENT") return false;
    throw error;
  }
}

// server/src/adapters/clock.ts
var systemClock = { now: () => Date.now() };
var dateOf = (clock) => new Date(clock.now());

// server/src/adapters/http-gateway/http-gateway.ts
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { performance as performance2 } from "node:perf_hooks";
import { hostAllowed } from "@opora/runtime/definitions";

// server/src/adapters/http-gateway/address-policy.ts
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { parseAddressAllowance } from "@opora/runtime/definitions";
var v4 = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "private"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"],
  ["198.51.100.0", 24, "reserved"],
  ["203.0.113.0", 24, "reserved"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"]
];
var v6 = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fc00::", 7, "private"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "private"],
  ["ff00::", 8, "multicast"],
  ["100::", 64, "reserved"],
  ["2001:db8::", 32, "reserved"],
  // The IETF-reserved ::/8 holds the forms with an IPv4 inside (judged by it, below) and nothing public.
  ["::", 8, "reserved"]
];
function listsOf(ranges, family) {
  const lists2 = /* @__PURE__ */ new Map();
  for (const [net, prefix, kind] of ranges)
    (lists2.get(kind) ?? lists2.set(kind, new BlockList()).get(kind)).addSubnet(net, prefix, family);
  return [...lists2];
}
var lists = { ipv4: listsOf(v4, "ipv4"), ipv6: listsOf(v6, "ipv6") };
function classifyAddress(address) {
  const ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIPv4(ip)) return classifyWith(ip, "ipv4");
  if (!isIPv6(ip)) return "reserved";
  const groups = ipv6Groups(ip);
  if (groups.slice(0, 7).every((g) => g === 0) && (groups[7] ?? 0) <= 1) return classifyWith(ip, "ipv6");
  const embedded = embeddedIPv4(groups);
  if (embedded === "opaque") return "reserved";
  if (embedded) return leastPublic(embedded.map((inner) => classifyWith(inner, "ipv4")));
  return classifyWith(ip, "ipv6");
}
function classifyWith(ip, family) {
  for (const [kind, list] of lists[family]) if (list.check(ip, family)) return kind;
  return "public";
}
function leastPublic(kinds) {
  return kinds.find((kind) => kind !== "public") ?? "public";
}
function ipv6Groups(ip) {
  let text2 = ip.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text2);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text2 = `${text2.slice(0, dotted.index)}${(a << 8 | b).toString(16)}:${(c << 8 | d).toString(16)}`;
  }
  const [head = "", tail] = text2.split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const middle = tail === void 0 ? [] : Array(8 - front.length - back.length).fill("0");
  return [...front, ...middle, ...back].map((group) => Number.parseInt(group, 16));
}
var dottedQuad = (hi, lo) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
var zero = (groups) => groups.every((g) => g === 0);
function embeddedIPv4(g) {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const last = [dottedQuad(g6, g7)];
  if (zero([g0, g1, g2, g3, g4]) && (g5 === 0 || g5 === 65535)) return last;
  if (zero([g0, g1, g2, g3, g5]) && g4 === 65535) return last;
  if (g0 === 100 && g1 === 65435 && zero([g2, g3, g4, g5])) return last;
  if (g0 === 100 && g1 === 65435 && g2 === 1) return zero([g3, g4, g5]) ? last : "opaque";
  if (g0 === 8194) return [dottedQuad(g1, g2)];
  if (g0 === 8193 && g1 === 0) return [dottedQuad(g2, g3), dottedQuad(g6 ^ 65535, g7 ^ 65535)];
  return null;
}
function addressAllowed(address, port, entries, defaultPort) {
  const family = isIPv6(address) ? "ipv6" : "ipv4";
  return (entries ?? []).some((entry) => {
    const allowance = parseAddressAllowance(entry);
    if (!allowance || (allowance.port ?? defaultPort) !== port) return false;
    const list = new BlockList();
    const type = allowance.family === 6 ? "ipv6" : "ipv4";
    if (allowance.prefix === void 0) list.addAddress(allowance.address, type);
    else list.addSubnet(allowance.address, allowance.prefix, type);
    return list.check(address, family);
  });
}

// server/src/adapters/http-gateway/http-gateway.ts
var GatewayRefusal = class extends Error {
  constructor(reason, text2) {
    super(text2.en);
    this.reason = reason;
    this.text = text2;
    this.name = "GatewayRefusal";
  }
  reason;
  text;
};
var systemResolver = (host) => dnsLookup(host, { all: true, verbatim: true });
var HttpGateway = class {
  constructor(resolve4 = systemResolver) {
    this.resolve = resolve4;
  }
  resolve;
  async fetch(policy, request) {
    const deadline = performance2.now() + (policy.timeoutMs ?? 1e4);
    let url = this.parse(request.url);
    let method = (request.method ?? "GET").toUpperCase();
    let body = request.body;
    for (let hop = 0; ; hop++) {
      const address = await this.checkedAddress(url, policy);
      const response = await this.send(url, address, { ...request, method, body }, policy, deadline);
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || !location)
        return { ...response, url: url.toString() };
      if (hop >= (policy.maxRedirects ?? 5))
        throw new GatewayRefusal("redirects", {
          ru: `\u0441\u043B\u0438\u0448\u043A\u043E\u043C \u043C\u043D\u043E\u0433\u043E \u043F\u0435\u0440\u0435\u043D\u0430\u043F\u0440\u0430\u0432\u043B\u0435\u043D\u0438\u0439 (\u0431\u043E\u043B\u044C\u0448\u0435 ${policy.maxRedirects ?? 5})`,
          en: `too many redirects (more than ${policy.maxRedirects ?? 5})`
        });
      url = this.parse(new URL(location, url).toString());
      if (response.status === 303 || (response.status === 301 || response.status === 302) && method === "POST") {
        method = "GET";
        body = void 0;
      }
    }
  }
  parse(raw) {
    let url;
    try {
      url = new URL(raw);
    } catch {
      throw new GatewayRefusal("protocol", { ru: `\u043D\u0435\u0432\u0435\u0440\u043D\u044B\u0439 \u0430\u0434\u0440\u0435\u0441: ${raw}`, en: `not a valid URL: ${raw}` });
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new GatewayRefusal("protocol", {
        ru: `\u0440\u0430\u0437\u0440\u0435\u0448\u0435\u043D\u044B \u0442\u043E\u043B\u044C\u043A\u043E http \u0438 https, \u043D\u0435 ${url.protocol}`,
        en: `only http and https are allowed, not ${url.protocol}`
      });
    return url;
  }
  async checkedAddress(url, policy) {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!hostAllowed(host, policy.allowedHosts))
      throw new GatewayRefusal("host", {
        ru: `\u0445\u043E\u0441\u0442 ${host} \u043D\u0435 \u0440\u0430\u0437\u0440\u0435\u0448\u0451\u043D \u0434\u043B\u044F \u044D\u0442\u043E\u0439 \u0438\u043D\u0442\u0435\u0433\u0440\u0430\u0446\u0438\u0438`,
        en: `host ${host} is not allowed for this integration`
      });
    const family = isIP(host);
    let candidates;
    try {
      candidates = family ? [{ address: host, family }] : await this.resolve(host);
    } catch {
      throw new GatewayRefusal("dns", { ru: `\u043D\u0435 \u0443\u0434\u0430\u043B\u043E\u0441\u044C \u043D\u0430\u0439\u0442\u0438 \u0430\u0434\u0440\u0435\u0441 ${host}`, en: `cannot resolve ${host}` });
    }
    const port = portOf(url);
    const defaultPort = policy.defaultPort ?? (url.protocol === "https:" ? 443 : 80);
    const refused = [];
    for (const candidate of candidates) {
      const kind = classifyAddress(candidate.address);
      if (kind === "public" || addressAllowed(candidate.address, port, policy.allowedAddresses, defaultPort))
        return candidate;
      refused.push(`${candidate.address} (${kind})`);
    }
    throw new GatewayRefusal("address", {
      ru: `${host} \u0443\u043A\u0430\u0437\u044B\u0432\u0430\u0435\u0442 \u043D\u0430 \u0430\u0434\u0440\u0435\u0441\u0430, \u043D\u0435 \u0440\u0430\u0437\u0440\u0435\u0448\u0451\u043D\u043D\u044B\u0435 \u043D\u0430 \u043F\u043E\u0440\u0442\u0443 ${port}: ${refused.join(", ") || "\u043D\u0435\u0442 \u0430\u0434\u0440\u0435\u0441\u043E\u0432"}`,
      en: `${host} resolves to addresses that are not allowed on port ${port}: ${refused.join(", ") || "none"}`
    });
  }
  send(url, target, request, policy, deadline) {
    const limit = policy.maxResponseBytes ?? 1024 * 1024;
    const remaining = Math.max(1, deadline - performance2.now());
    const client = url.protocol === "https:" ? https : http;
    return new Promise((resolveOnce, rejectOnce) => {
      let settled = false;
      const resolve4 = (value) => {
        if (settled) return;
        settled = true;
        resolveOnce(value);
      };
      const reject = (error) => {
        if (settled) return;
        settled = true;
        rejectOnce(error);
      };
      const req = client.request(
        url,
        {
          method: request.method,
          headers: request.headers,
          // Pin the connection to the address that passed the check (TLS still verifies the host name).
          lookup: (_host, options4, callback) => {
            if (options4.all)
              callback(null, [target]);
            else callback(null, target.address, target.family);
          },
          timeout: remaining
        },
        (res) => {
          const chunks = [];
          let size = 0;
          res.on("data", (chunk) => {
            size += chunk.length;
            if (size > limit) {
              reject(
                new GatewayRefusal("size", {
                  ru: `\u043E\u0442\u0432\u0435\u0442 \u0431\u043E\u043B\u044C\u0448\u0435 ${limit} \u0431\u0430\u0439\u0442`,
                  en: `response larger than ${limit} bytes`
                })
              );
              req.destroy();
              return;
            }
            chunks.push(chunk);
          });
          res.on("end", () => {
            const headers = {};
            for (const [key2, value] of Object.entries(res.headers))
              if (value !== void 0) headers[key2] = Array.isArray(value) ? value.join(", ") : value;
            resolve4({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
          });
          res.on("error", reject);
        }
      );
      const timer = setTimeout(() => req.destroy(timedOut(policy)), remaining);
      req.on("timeout", () => req.destroy(timedOut(policy)));
      req.on("error", reject);
      req.on("close", () => clearTimeout(timer));
      if (request.body !== void 0) req.write(request.body);
      req.end();
    });
  }
};
function portOf(url) {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}
function timedOut(policy) {
  const ms = policy.timeoutMs ?? 1e4;
  return new GatewayRefusal("timeout", {
    ru: `\u043D\u0435\u0442 \u043F\u043E\u043B\u043D\u043E\u0433\u043E \u043E\u0442\u0432\u0435\u0442\u0430 \u0437\u0430 ${ms} \u043C\u0441`,
    en: `no complete answer within ${ms} ms`
  });
}

// server/src/adapters/job-queue/backoff.ts
function backoffMs(attempt, baseMs = 1e3, capMs = 36e5, random = Math.random) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

// server/src/adapters/job-queue/cron.ts
import { CronExpressionParser } from "cron-parser";
function nextCronRun(cron, from, timezone) {
  try {
    return CronExpressionParser.parse(cron, { currentDate: from, tz: timezone }).next().toDate();
  } catch (error) {
    throw new Error(`invalid cron expression "${cron}": ${error.message}`);
  }
}

// server/src/adapters/job-queue/job-errors.ts
var RetryLater = class extends Error {
  constructor(message2, delayMs) {
    super(message2);
    this.delayMs = delayMs;
    this.name = "RetryLater";
  }
  delayMs;
};
var GiveUp = class extends Error {
  constructor(message2) {
    super(message2);
    this.name = "GiveUp";
  }
};

// server/src/adapters/job-queue/job-types.ts
var jobFromRow = (row) => ({
  id: String(row.id),
  name: row.name,
  payload: typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload,
  idempotencyKey: row.idempotency_key,
  status: row.status,
  runAt: new Date(row.run_at),
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  lastError: row.last_error,
  createdAt: new Date(row.created_at),
  finishedAt: row.finished_at ? new Date(row.finished_at) : null
});

// server/src/adapters/job-queue/job-queue.ts
var JobQueue = class {
  constructor(db, clock = systemClock) {
    this.db = db;
    this.clock = clock;
  }
  db;
  clock;
  async enqueue(name, payload, options4 = {}, em) {
    const runAt = options4.runAt ?? new Date(this.clock.now() + (options4.delayMs ?? 0));
    const inserted = await this.db.query(
      `insert into job (name, payload, idempotency_key, run_at, max_attempts) values (?, ?::jsonb, ?, ?, ?)
       on conflict (idempotency_key) do nothing returning *`,
      [name, JSON.stringify(payload ?? {}), options4.idempotencyKey ?? null, runAt, options4.maxAttempts ?? 5],
      em
    );
    if (inserted[0]) return jobFromRow(inserted[0]);
    const [existing] = await this.db.query(
      "select * from job where idempotency_key = ?",
      [options4.idempotencyKey],
      em
    );
    return jobFromRow(existing);
  }
  /**
   * Enqueues several jobs of one name in one statement (a batch of timers written by one transaction); each keeps
   * its own idempotency key, and a key enqueued before is skipped.
   */
  async enqueueMany(name, jobs, options4 = {}, em) {
    if (!jobs.length) return;
    await this.db.query(
      `insert into job (name, payload, idempotency_key, run_at, max_attempts)
       select ?, j->'payload', j->>'key', (j->>'runAt')::timestamptz, ? from jsonb_array_elements(?::jsonb) j
       on conflict (idempotency_key) do nothing`,
      [
        name,
        options4.maxAttempts ?? 5,
        JSON.stringify(
          jobs.map((job) => ({
            payload: job.payload ?? {},
            key: job.idempotencyKey,
            runAt: job.runAt.toISOString()
          }))
        )
      ],
      em
    );
  }
  /** Creates or replaces a cron schedule that enqueues `jobName` at every slot. */
  async schedule(name, cron, jobName, payload = {}, timezone = "Europe/Moscow") {
    const next = nextCronRun(cron, dateOf(this.clock), timezone);
    await this.db.query(
      `insert into job_schedule (name, cron, job_name, payload, timezone, next_run_at) values (?, ?, ?, ?::jsonb, ?, ?)
       on conflict (name) do update set cron = excluded.cron, job_name = excluded.job_name, payload = excluded.payload,
         timezone = excluded.timezone, next_run_at = excluded.next_run_at, enabled = true`,
      [name, cron, jobName, JSON.stringify(payload), timezone, next]
    );
  }
  async get(id) {
    const [row] = await this.db.query("select * from job where id = ?", [id]);
    return row ? jobFromRow(row) : null;
  }
  async list(filter = {}) {
    const conditions = [];
    if (filter.status) conditions.push(["status = ?", filter.status]);
    if (filter.name) conditions.push(["name = ?", filter.name]);
    const where = ["true", ...conditions.map(([sql]) => sql)];
    const params = conditions.map(([, value]) => value);
    const limit = filter.limit ?? 50;
    const offset = filter.offset ?? 0;
    const rows = await this.db.query(
      `select * from job where ${where.join(" and ")} order by id desc limit ? offset ?`,
      [...params, limit, offset]
    );
    const [count2] = await this.db.query(
      `select count(*) as total from job where ${where.join(" and ")}`,
      params
    );
    return { items: rows.map(jobFromRow), total: Number(count2?.total ?? 0), limit, offset };
  }
  /** Cancels a job that has not finished; a running one completes its current attempt but is not retried. */
  async cancel(id) {
    const rows = await this.db.query(
      `update job set status = 'cancelled', updated_at = now() where id = ? and status in ('pending', 'failed') returning id`,
      [id]
    );
    return rows.length > 0;
  }
  /** Puts a failed job back in the queue now, with a fresh set of attempts. */
  async retry(id) {
    const rows = await this.db.query(
      `update job set status = 'pending', run_at = now(), attempts = 0, finished_at = null, updated_at = now() where id = ? and status = 'failed' returning id`,
      [id]
    );
    return rows.length > 0;
  }
};

// server/src/logging/database-error-text.ts
function causedByDatabase(error) {
  let current = error;
  for (let depth = 0; current && typeof current === "object" && depth < 8; depth++) {
    if (typeof current.severity === "string" && typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code))
      return true;
    current = current.cause;
  }
  return false;
}
var valueFields = /* @__PURE__ */ new Set(["params", "parameters", "bindings", "detail", "internalQuery", "where"]);
function scrubbedError(value, depth = 0) {
  if (typeof value === "string") return scrubText(value);
  if (!value || typeof value !== "object" || depth > 4) return value;
  const target = value;
  for (const key2 of Object.keys(target)) {
    if (valueFields.has(key2)) delete target[key2];
    else target[key2] = scrubbedError(target[key2], depth + 1);
  }
  return target;
}
function scrubText(text2) {
  return text2.replace(/'(?:[^']|'')*'/g, "'\u2026'").replace(/\)=\((?:[^()]|\([^()]*\))*\)/g, ")=(\u2026)").replace(/(: )"(?:[^"\\]|\\.)*"$/gm, '$1"\u2026"');
}
function safeErrorMessage(error) {
  const message2 = error instanceof Error ? error.message : String(error);
  return causedByDatabase(error) ? scrubText(message2) : message2;
}

// server/src/adapters/job-queue/job-worker.ts
var LeaseLostError = class extends Error {
};
var JobWorker = class {
  constructor(db, options4) {
    this.db = db;
    this.options = {
      pollIntervalMs: 500,
      concurrency: 2,
      leaseMs: 6e4,
      backoffBaseMs: 1e3,
      clock: systemClock,
      ...options4
    };
    this.queue = new JobQueue(db, this.options.clock);
  }
  db;
  handlers = /* @__PURE__ */ new Map();
  handlerOptions = /* @__PURE__ */ new Map();
  inFlight = /* @__PURE__ */ new Set();
  abort = new AbortController();
  timer;
  running = false;
  ticking = false;
  queue;
  options;
  registerHandler(name, handler, options4 = {}) {
    this.handlers.set(name, handler);
    this.handlerOptions.set(name, options4);
  }
  start() {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }
  /** Stops claiming, waits for in-flight jobs; past the timeout their signal is aborted (and their lease lapses). */
  async stop(options4 = {}) {
    this.running = false;
    clearTimeout(this.timer);
    const timeout = new Promise(
      (resolve4) => setTimeout(() => resolve4("timeout"), options4.timeoutMs ?? 3e4).unref()
    );
    if (await Promise.race([Promise.allSettled([...this.inFlight]), timeout]) === "timeout")
      this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }
  /** One round of work: fire due cron slots, claim what fits, run it. Exposed for tests. */
  async tick() {
    if (this.ticking) return 0;
    this.ticking = true;
    try {
      await this.fireDueSchedules();
      const capacity = this.options.concurrency - this.inFlight.size;
      if (capacity <= 0 || !this.running) return 0;
      const jobs = await this.claim(capacity);
      for (const job of jobs) this.track(this.run(job));
      return jobs.length;
    } finally {
      this.ticking = false;
    }
  }
  /** Resolves when every job started so far has finished. */
  async idle() {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
  schedule(delay) {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.tick().then((claimed) => this.schedule(claimed > 0 ? 0 : this.options.pollIntervalMs)).catch((error) => {
        this.options.log?.error({ err: error }, "job poll failed");
        this.schedule(this.options.pollIntervalMs);
      });
    }, delay);
    this.timer.unref();
  }
  track(run) {
    const promise = run.catch(
      (error) => this.options.log?.error({ err: error }, "job bookkeeping failed")
    );
    this.inFlight.add(promise);
    void promise.finally(() => {
      this.inFlight.delete(promise);
      if (this.running) this.schedule(0);
    });
  }
  claim(limit) {
    return this.db.transaction(
      (em) => this.db.query(
        `update job set status = 'running', locked_by = ?, locked_until = now() + (? * interval '1 millisecond'),
           attempts = attempts + 1, updated_at = now()
         where id in (
           select id from job
           where (status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now())
           order by run_at, id limit ? for update skip locked)
         returning id, name, payload, attempts, max_attempts`,
        [this.options.instanceId, this.options.leaseMs, limit],
        em
      )
    );
  }
  async run(job) {
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
      const payload = typeof job.payload === "string" ? JSON.parse(job.payload) : job.payload;
      const about = { id: String(job.id), name: job.name, attempt: job.attempts };
      const outside = this.handlerOptions.get(job.name)?.outside;
      const prepared = outside ? await outside(payload, { job: about, signal: this.abort.signal }) : void 0;
      await this.db.transaction(async (em) => {
        await handler(payload, { em, job: about, signal: this.abort.signal, prepared });
        const done = await this.db.query(
          `update job set status = 'done', finished_at = now(), locked_until = null, updated_at = now()
           where id = ? and locked_by = ? and status = 'running' returning id`,
          [job.id, this.options.instanceId],
          em
        );
        if (!done.length) throw new LeaseLostError(`job ${job.id} was taken over by another worker`);
      });
    } catch (error) {
      if (error instanceof LeaseLostError) return;
      await this.recordFailure(job, error, Boolean(handler));
    }
  }
  async recordFailure(job, error, retryable) {
    const message2 = safeErrorMessage(error);
    const final = !retryable || error instanceof GiveUp || job.attempts >= job.max_attempts;
    const backoff = backoffMs(job.attempts, this.options.backoffBaseMs);
    const delay = error instanceof RetryLater ? Math.max(error.delayMs, backoff) : backoff;
    this.options.log?.error(
      { err: error, jobId: job.id, job: job.name, attempt: job.attempts },
      final ? "job failed for good" : "job failed, will retry"
    );
    await this.db.query(
      `update job set status = ?, run_at = now() + (? * interval '1 millisecond'), last_error = ?, locked_by = null,
         locked_until = null, finished_at = ${final ? "now()" : "null"}, updated_at = now()
       where id = ? and locked_by = ? and status = 'running'`,
      [
        final ? "failed" : "pending",
        final ? 0 : delay,
        message2.slice(0, 4e3),
        job.id,
        this.options.instanceId
      ]
    );
  }
  /** Enqueues each due cron slot once, however many workers share the database (row locks + idempotency keys). */
  async fireDueSchedules() {
    await this.db.transaction(async (em) => {
      const due2 = await this.db.query("select * from job_schedule where enabled and next_run_at <= now() for update skip locked", [], em);
      for (const slot of due2) {
        const at = new Date(slot.next_run_at);
        const payload = typeof slot.payload === "string" ? JSON.parse(slot.payload) : slot.payload;
        await this.queue.enqueue(
          slot.job_name,
          payload,
          { idempotencyKey: `cron:${slot.name}:${at.toISOString()}` },
          em
        );
        const next = nextCronRun(
          slot.cron,
          new Date(Math.max(this.options.clock.now(), at.getTime())),
          slot.timezone
        );
        await this.db.query("update job_schedule set next_run_at = ? where name = ?", [next, slot.name], em);
      }
    });
  }
};

// server/src/adapters/live-hub/live-hub.ts
var liveChannel = "opora_live";
var heartbeatMs = 3e4;
var maxPayloadBytes = 7500;
function fitsLivePayload(json2) {
  return json2.length <= maxPayloadBytes / 4 || Buffer.byteLength(json2) <= maxPayloadBytes;
}
var LiveHub = class {
  constructor(db, log = { warn: () => void 0 }) {
    this.db = db;
    this.log = log;
  }
  db;
  log;
  connections = /* @__PURE__ */ new Set();
  byAddress = /* @__PURE__ */ new Map();
  unlisten = null;
  heartbeat = null;
  async start() {
    this.unlisten = await this.db.listen(liveChannel, (payload) => this.deliver(payload));
    this.heartbeat = setInterval(
      () => void this.beat().catch((err) => this.log.warn({ err }, "live heartbeat failed")),
      heartbeatMs
    );
    this.heartbeat.unref();
  }
  async stop() {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.unlisten?.();
    this.unlisten = null;
    for (const c of this.connections) c.socket.close(1001, "server stopping");
    this.connections.clear();
    this.byAddress.clear();
  }
  /**
   * Queues a message to the sockets listening on any of the addresses (see `live-address.ts`), on every server
   * process; it leaves when tx commits. A socket on several of them gets it once.
   */
  async send(tx, to, message2) {
    const addresses = [...new Set(to)];
    if (!addresses.length) return;
    const envelope = { to: addresses, message: message2 };
    const payload = JSON.stringify(envelope);
    if (!fitsLivePayload(payload)) {
      this.log.warn(
        { type: message2.type, bytes: Buffer.byteLength(payload) },
        "live message too large, dropped"
      );
      return;
    }
    await this.db.query("select pg_notify(?, ?)", [liveChannel, payload], tx);
  }
  /** Several messages in one statement (a batch written by one transaction); each as {@link LiveHub.send} would. */
  async sendMany(tx, items) {
    const payloads = [];
    for (const item of items) {
      const addresses = [...new Set(item.to)];
      if (!addresses.length) continue;
      const payload = JSON.stringify({ to: addresses, message: item.message });
      if (fitsLivePayload(payload)) payloads.push(payload);
      else this.log.warn({ type: item.message.type }, "live message too large, dropped");
    }
    if (!payloads.length) return;
    await this.db.query(
      "select pg_notify(?, p) from jsonb_array_elements_text(?::jsonb) p",
      [liveChannel, JSON.stringify(payloads)],
      tx
    );
  }
  /** Delivers what is sent to any of `addresses` to this socket until it closes. */
  attach(addresses, socket, stillValid) {
    const connection = { socket, alive: true, stillValid, addresses: /* @__PURE__ */ new Set() };
    this.connections.add(connection);
    for (const address of addresses) this.join(connection, address);
    socket.on("pong", () => {
      connection.alive = true;
    });
    socket.on("close", () => {
      this.connections.delete(connection);
      for (const address of connection.addresses) this.leave(connection, address);
    });
    return connection;
  }
  /** Adds a room to a socket's addresses (an operator opens a conversation). */
  join(connection, address) {
    if (connection.addresses.has(address)) return;
    connection.addresses.add(address);
    const set = this.byAddress.get(address) ?? /* @__PURE__ */ new Set();
    set.add(connection);
    this.byAddress.set(address, set);
  }
  leave(connection, address) {
    connection.addresses.delete(address);
    const set = this.byAddress.get(address);
    set?.delete(connection);
    if (set && !set.size) this.byAddress.delete(address);
  }
  /** How many sockets of this process listen on an address (presence as this process sees it). */
  listeners(address) {
    return this.byAddress.get(address)?.size ?? 0;
  }
  deliver(payload) {
    let envelope;
    try {
      envelope = JSON.parse(payload);
    } catch (err) {
      this.log.warn({ err }, "malformed live message");
      return;
    }
    const text2 = JSON.stringify(envelope.message);
    const reached = /* @__PURE__ */ new Set();
    for (const address of envelope.to) for (const c of this.byAddress.get(address) ?? []) reached.add(c);
    for (const { socket } of reached) if (socket.readyState === socket.OPEN) socket.send(text2);
  }
  /** Drops sockets that stopped answering pings or whose session ended; pings the rest. */
  async beat() {
    for (const connection of [...this.connections]) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      if (!await connection.stillValid().catch(() => true)) {
        connection.socket.close(4401, "session ended");
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }
};

// server/src/adapters/recurring-jobs.ts
var RecurringJobs = class {
  constructor(queue, worker) {
    this.queue = queue;
    this.worker = worker;
  }
  queue;
  worker;
  recurring = [];
  add(name, cron, handler) {
    this.worker.registerHandler(name, handler);
    this.recurring.push({ name, cron });
  }
  /** Stores every schedule (idempotent by name) and starts claiming jobs. */
  async start() {
    for (const { name, cron } of this.recurring) await this.queue.schedule(name, cron, name);
    this.worker.start();
  }
};

// server/src/adapters/index.ts
var adapters = fp(
  async (app, { db, settings, gateway, clock = systemClock }) => {
    const jobQueue = new JobQueue(db, clock);
    const jobWorker = new JobWorker(db, {
      instanceId: settings.instanceId,
      log: app.log,
      clock,
      leaseMs: settings.jobLeaseMs
    });
    const liveHub = new LiveHub(db, app.log);
    app.decorate("db", db);
    app.decorate("settings", settings);
    app.decorate("clock", clock);
    app.decorate("jobQueue", jobQueue);
    app.decorate("jobWorker", jobWorker);
    app.decorate("recurringJobs", new RecurringJobs(jobQueue, jobWorker));
    app.decorate("gateway", gateway ?? new HttpGateway());
    app.decorate("liveHub", liveHub);
    app.decorate("fileStore", new FileStore(join2(settings.dataDir, "files")));
    app.addHook("onReady", () => liveHub.start());
    app.addHook("onClose", async () => {
      await jobWorker.stop({ timeoutMs: 2e4 });
      await liveHub.stop();
    });
  },
  { name: "adapters" }
);

// server/src/app-settings.ts
import { resolve } from "node:path";
import { defaultMaxima } from "@opora/runtime/scripts";
function settingsFrom(config3) {
  return {
    bodyLimitBytes: config3.bodyLimitBytes,
    secureCookies: config3.secureCookies,
    sessionTtlHours: config3.sessionTtlHours,
    logLevel: config3.logLevel,
    secretsKey: config3.secretsKey,
    scriptMaxima: config3.scriptMaxima ?? defaultMaxima,
    timeZone: config3.timeZone ?? "Europe/Moscow",
    // Same default as readConfig, for callers that build the app without a full Config.
    dataDir: config3.dataDir ?? resolve("./data"),
    fileMaxMb: config3.fileMaxMb ?? 100,
    instanceId: config3.instanceId ?? "opora",
    loginRateLimit: config3.loginRateLimit ?? 10,
    trustProxy: config3.trustProxy ?? false,
    smtpUrl: config3.smtpUrl,
    publicUrl: config3.publicUrl,
    smtpListenPort: config3.smtpListenPort,
    smtpListenHost: config3.smtpListenHost ?? "127.0.0.1",
    jobLeaseMs: config3.jobLeaseMs ?? 6e4
  };
}

// server/src/http/app-error.ts
var AppError = class extends Error {
  constructor(status, code, messageKey, params = {}, details = []) {
    super(`${code}: ${messageKey} ${JSON.stringify(params)}`);
    this.status = status;
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.details = details;
    this.name = "AppError";
  }
  status;
  code;
  messageKey;
  params;
  details;
};
var fail = {
  unauthorized: () => new AppError(401, "unauthorized", "unauthorized"),
  invalidCredentials: () => new AppError(401, "invalid_credentials", "invalid_credentials"),
  forbidden: () => new AppError(403, "forbidden", "forbidden"),
  secretsKeyMissing: () => new AppError(503, "secrets_key_missing", "secrets_key_missing"),
  secretMissing: (name) => new AppError(422, "secret_missing", "secret_missing", { name }),
  integrationRefused: (reason) => new AppError(422, "integration_refused", "integration_refused", { reason }),
  scriptNotPublished: (key2) => new AppError(404, "script_not_published", "script_not_published", { key: key2 }),
  csrf: () => new AppError(403, "csrf_failed", "csrf_failed"),
  notFound: (what) => new AppError(404, "not_found", "not_found", { what }),
  validation: (details) => new AppError(400, "validation_failed", "validation_failed", {}, details),
  badFilter: (filter, reason) => new AppError(400, "bad_filter", "bad_filter", { filter, reason }, [
    { pointer: "/filter", message: reason }
  ]),
  badSort: (field) => new AppError(400, "bad_sort", "bad_sort", { field }, [{ pointer: "/sort", message: field }]),
  versionConflict: (given, current) => new AppError(409, "version_conflict", "version_conflict", { given, current }),
  duplicate: (what, pointer) => new AppError(409, "duplicate_key", "duplicate_key", { what }, [{ pointer, message: what }]),
  hasVersions: () => new AppError(409, "has_versions", "has_versions"),
  entityNotPublished: (entity) => new AppError(404, "entity_not_published", "entity_not_published", { entity }),
  unsupportedMediaType: () => new AppError(415, "unsupported_media_type", "unsupported_media_type"),
  fileTooLarge: (limitMb) => new AppError(413, "file_too_large", "file_too_large", { limit: limitMb }),
  fileTypeNotAllowed: (name, accept) => new AppError(415, "file_type_not_allowed", "file_type_not_allowed", { name, accept: accept.join(", ") }),
  fileFieldUnknown: (entity, field) => new AppError(400, "file_field_unknown", "file_field_unknown", { entity, field }, [
    { pointer: "/field", message: field }
  ]),
  fileUploadInvalid: (key2) => new AppError(400, "file_upload_invalid", key2),
  multipartMalformed: () => new AppError(400, "multipart_malformed", "multipart_malformed"),
  fileContentMissing: () => new AppError(500, "file_content_missing", "file_content_missing"),
  categoryInUse: (articles, children) => new AppError(409, "category_in_use", "category_in_use", { articles, children }),
  articleTransition: (from, to) => new AppError(409, "article_transition", "article_transition", { from, to }),
  articleWasPublished: () => new AppError(409, "article_was_published", "article_was_published"),
  portalAccountsOff: () => new AppError(422, "portal_accounts_off", "portal_accounts_off"),
  /** `text` is the message in the caller's language, repeated next to the field. */
  emailTaken: (text2) => new AppError(409, "email_taken", "email_taken", {}, [{ pointer: "/email", message: text2 }]),
  clientEmailKnown: (text2) => new AppError(409, "client_email_known", "client_email_known", {}, [{ pointer: "/email", message: text2 }]),
  crossOrigin: () => new AppError(403, "cross_origin", "cross_origin"),
  definitionInvalid: (details) => new AppError(422, "definition_invalid", "definition_invalid", {}, details),
  definitionForbidden: (kind, action, roles) => new AppError(403, "forbidden", `definition_${action}_forbidden`, { kind, roles: roles.join(", ") }),
  recordsForbidden: (entity, operation, roles) => new AppError(403, "forbidden", `records_${operation}_forbidden`, { entity, roles: roles.join(", ") }),
  foreignClientLink: (fields, text2) => new AppError(
    403,
    "forbidden",
    "forbidden",
    {},
    fields.map((field) => ({ pointer: `/data/${field}`, message: text2 }))
  ),
  bundleForbidden: (details) => new AppError(403, "forbidden", "bundle_forbidden", {}, details),
  /** `text` is the message in the caller's language, repeated next to the field. */
  wrongPassword: (text2) => new AppError(400, "wrong_password", "wrong_current_password", {}, [
    { pointer: "/currentPassword", message: text2 }
  ]),
  alreadyArchived: (what) => new AppError(409, "already_archived", "already_archived", { what }),
  nothingToPublish: (version) => new AppError(409, "nothing_to_publish", "nothing_to_publish", { version }),
  bundleInvalid: (details) => new AppError(422, "bundle_invalid", "bundle_invalid", {}, details)
};

// server/src/http/messages.ts
var catalogue = {
  unauthorized: { ru: "\u0422\u0440\u0435\u0431\u0443\u0435\u0442\u0441\u044F \u0432\u0445\u043E\u0434 \u0432 \u0441\u0438\u0441\u0442\u0435\u043C\u0443", en: "Authentication required" },
  forbidden: { ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432 \u0434\u043B\u044F \u044D\u0442\u043E\u0433\u043E \u0434\u0435\u0439\u0441\u0442\u0432\u0438\u044F", en: "You are not allowed to do this" },
  csrf_failed: {
    ru: "\u0417\u0430\u043F\u0440\u043E\u0441 \u043E\u0442\u043A\u043B\u043E\u043D\u0451\u043D: \u043E\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442 \u0438\u043B\u0438 \u043D\u0435\u0432\u0435\u0440\u0435\u043D CSRF-\u0442\u043E\u043A\u0435\u043D",
    en: "Request refused: missing or invalid CSRF token"
  },
  not_found: { ru: "\u041D\u0435 \u043D\u0430\u0439\u0434\u0435\u043D\u043E: {what}", en: "Not found: {what}" },
  answer_empty: { ru: "\u041D\u0430\u043F\u0438\u0448\u0438\u0442\u0435 \u0442\u0435\u043A\u0441\u0442 \u043E\u0442\u0432\u0435\u0442\u0430 \u0438\u043B\u0438 \u043F\u0440\u0438\u043B\u043E\u0436\u0438\u0442\u0435 \u0444\u0430\u0439\u043B", en: "Write an answer or attach a file" },
  contact_unnamed: {
    ru: "\u041A\u043B\u0438\u0435\u043D\u0442 \u043D\u0435 \u043D\u0430\u0437\u0432\u0430\u043B \u043D\u0438 \u0438\u043C\u0435\u043D\u0438, \u043D\u0438 \u0430\u0434\u0440\u0435\u0441\u0430: \u0441\u043E\u0437\u0434\u0430\u0439\u0442\u0435 \u043A\u0430\u0440\u0442\u043E\u0447\u043A\u0443 \u0432\u0440\u0443\u0447\u043D\u0443\u044E",
    en: "The contact told no name or address: create the client card by hand"
  },
  secrets_key_missing: {
    ru: "\u0421\u0435\u043A\u0440\u0435\u0442\u044B \u043D\u0435\u043B\u044C\u0437\u044F \u0441\u043E\u0445\u0440\u0430\u043D\u0438\u0442\u044C: \u043D\u0430 \u0441\u0435\u0440\u0432\u0435\u0440\u0435 \u043D\u0435 \u0437\u0430\u0434\u0430\u043D \u043A\u043B\u044E\u0447 \u0448\u0438\u0444\u0440\u043E\u0432\u0430\u043D\u0438\u044F OPORA_SECRETS_KEY",
    en: "Secrets cannot be stored: the server has no encryption key (OPORA_SECRETS_KEY)"
  },
  secret_missing: { ru: "\u0421\u0435\u043A\u0440\u0435\u0442 \xAB{name}\xBB \u043D\u0435 \u0437\u0430\u0434\u0430\u043D", en: 'Secret "{name}" is not set' },
  integration_refused: {
    ru: "\u0417\u0430\u043F\u0440\u043E\u0441 \u043A \u0438\u043D\u0442\u0435\u0433\u0440\u0430\u0446\u0438\u0438 \u043D\u0435 \u0432\u044B\u043F\u043E\u043B\u043D\u0435\u043D: {reason}",
    en: "The integration call did not go through: {reason}"
  },
  script_not_published: {
    ru: "\u0421\u043A\u0440\u0438\u043F\u0442 \xAB{key}\xBB \u043D\u0435 \u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D",
    en: 'Script "{key}" is not published'
  },
  script_sdk_failed: {
    ru: "\u041D\u0435 \u0443\u0434\u0430\u043B\u043E\u0441\u044C \u0432\u044B\u043F\u043E\u043B\u043D\u0438\u0442\u044C {op}: \u0432\u043D\u0443\u0442\u0440\u0435\u043D\u043D\u044F\u044F \u043E\u0448\u0438\u0431\u043A\u0430 \u0441\u0435\u0440\u0432\u0435\u0440\u0430 (\u043F\u043E\u0434\u0440\u043E\u0431\u043D\u043E\u0441\u0442\u0438 \u2014 \u0432 \u0436\u0443\u0440\u043D\u0430\u043B\u0435 \u0441\u0435\u0440\u0432\u0435\u0440\u0430)",
    en: "{op} failed: internal server error (details are in the server log)"
  },
  scripts_busy: {
    ru: "\u0421\u043B\u0438\u0448\u043A\u043E\u043C \u043C\u043D\u043E\u0433\u043E \u0441\u043A\u0440\u0438\u043F\u0442\u043E\u0432 \u0436\u0434\u0443\u0442 \u0437\u0430\u043F\u0443\u0441\u043A\u0430 (\u043D\u0435 \u0431\u043E\u043B\u044C\u0448\u0435 {count}); \u043F\u043E\u0432\u0442\u043E\u0440\u0438\u0442\u0435 \u0447\u0443\u0442\u044C \u043F\u043E\u0437\u0436\u0435",
    en: "Too many scripts are waiting to run (at most {count}); try again shortly"
  },
  script_runs_per_user: {
    ru: "\u0423\u0436\u0435 \u0432\u044B\u043F\u043E\u043B\u043D\u044F\u0435\u0442\u0441\u044F \u0438\u043B\u0438 \u0436\u0434\u0451\u0442 \u0437\u0430\u043F\u0443\u0441\u043A\u0430 \u043F\u0440\u0435\u0434\u0435\u043B\u044C\u043D\u043E\u0435 \u0447\u0438\u0441\u043B\u043E \u0432\u0430\u0448\u0438\u0445 \u043F\u0440\u043E\u0431\u043D\u044B\u0445 \u0437\u0430\u043F\u0443\u0441\u043A\u043E\u0432 ({count}); \u0434\u043E\u0436\u0434\u0438\u0442\u0435\u0441\u044C \u0438\u0445 \u043E\u043A\u043E\u043D\u0447\u0430\u043D\u0438\u044F",
    en: "You already have the most test runs running or waiting ({count}); wait for them to finish"
  },
  route_not_found: { ru: "\u041D\u0435\u0442 \u0442\u0430\u043A\u043E\u0433\u043E \u0430\u0434\u0440\u0435\u0441\u0430 API: {method} {url}", en: "No such API route: {method} {url}" },
  bad_update: {
    ru: "\u041A\u0430\u043D\u0430\u043B \u043D\u0435 \u0441\u043C\u043E\u0433 \u043F\u0440\u043E\u0447\u0438\u0442\u0430\u0442\u044C \u043E\u0431\u043D\u043E\u0432\u043B\u0435\u043D\u0438\u0435: {reason}",
    en: "The channel could not read the update: {reason}"
  },
  bad_signature: {
    ru: "\u041F\u043E\u0434\u043F\u0438\u0441\u044C \u0432\u044B\u0437\u043E\u0432\u0430 \u043D\u0435 \u043F\u0440\u0438\u043D\u044F\u0442\u0430 ({reason}): \u043F\u043E\u0434\u043F\u0438\u0448\u0438\u0442\u0435 \u0442\u0435\u043B\u043E \u0438 \u043C\u0435\u0442\u043A\u0443 \u0432\u0440\u0435\u043C\u0435\u043D\u0438 \u043E\u0431\u0449\u0438\u043C \u0441\u0435\u043A\u0440\u0435\u0442\u043E\u043C \u043A\u0430\u043D\u0430\u043B\u0430",
    en: "The call\u2019s signature was not accepted ({reason}): sign the body and timestamp with the channel\u2019s secret"
  },
  invalid_cursor: {
    ru: "\u041D\u0435\u0432\u0435\u0440\u043D\u0430\u044F \u043E\u0442\u043C\u0435\u0442\u043A\u0430 \u0441\u0442\u0440\u0430\u043D\u0438\u0446\u044B: \u043D\u0430\u0447\u043D\u0438\u0442\u0435 \u0441\u043F\u0438\u0441\u043E\u043A \u0441\u043D\u0430\u0447\u0430\u043B\u0430",
    en: "Invalid page marker: start the list from the beginning"
  },
  malformed_json: {
    ru: "\u0422\u0435\u043B\u043E \u0437\u0430\u043F\u0440\u043E\u0441\u0430 \u2014 \u043D\u0435\u043A\u043E\u0440\u0440\u0435\u043A\u0442\u043D\u044B\u0439 JSON: {reason}",
    en: "Request body is not valid JSON: {reason}"
  },
  json_empty: { ru: "\u0442\u0435\u043B\u043E \u0437\u0430\u043F\u0440\u043E\u0441\u0430 \u043F\u0443\u0441\u0442\u043E\u0435", en: "the body is empty" },
  json_invalid: { ru: "\u044D\u0442\u043E \u043D\u0435 JSON", en: "it is not JSON" },
  json_end: { ru: "\u0442\u0435\u043A\u0441\u0442 \u043E\u0431\u0440\u044B\u0432\u0430\u0435\u0442\u0441\u044F, \u043D\u0435 \u0437\u0430\u043A\u043E\u043D\u0447\u0438\u0432 JSON", en: "the text ends before the JSON does" },
  json_unexpected: {
    ru: "\u043D\u0435\u043E\u0436\u0438\u0434\u0430\u043D\u043D\u044B\u0439 \u0441\u0438\u043C\u0432\u043E\u043B \xAB{char}\xBB \u0432 \u0441\u0442\u0440\u043E\u043A\u0435 {line}, \u0441\u0442\u043E\u043B\u0431\u0446\u0435 {column}",
    en: 'unexpected character "{char}" at line {line}, column {column}'
  },
  json_control: {
    ru: "\u0443\u043F\u0440\u0430\u0432\u043B\u044F\u044E\u0449\u0438\u0439 \u0441\u0438\u043C\u0432\u043E\u043B \u0432\u043D\u0443\u0442\u0440\u0438 \u0441\u0442\u0440\u043E\u043A\u0438 (\u0441\u0442\u0440\u043E\u043A\u0430 {line}, \u0441\u0442\u043E\u043B\u0431\u0435\u0446 {column}); \u0435\u0433\u043E \u043D\u0443\u0436\u043D\u043E \u0437\u0430\u043F\u0438\u0441\u0430\u0442\u044C \u043A\u0430\u043A \\u00XX",
    en: "a control character inside a string (line {line}, column {column}); write it as \\u00XX"
  },
  json_escape: {
    ru: "\u043D\u0435\u0432\u0435\u0440\u043D\u0430\u044F escape-\u043F\u043E\u0441\u043B\u0435\u0434\u043E\u0432\u0430\u0442\u0435\u043B\u044C\u043D\u043E\u0441\u0442\u044C \u0432 \u0441\u0442\u0440\u043E\u043A\u0435 {line}, \u0441\u0442\u043E\u043B\u0431\u0446\u0435 {column}",
    en: "an invalid escape sequence at line {line}, column {column}"
  },
  json_number: {
    ru: "\u043D\u0435\u0432\u0435\u0440\u043D\u043E \u0437\u0430\u043F\u0438\u0441\u0430\u043D\u043E \u0447\u0438\u0441\u043B\u043E \u0432 \u0441\u0442\u0440\u043E\u043A\u0435 {line}, \u0441\u0442\u043E\u043B\u0431\u0446\u0435 {column}",
    en: "a malformed number at line {line}, column {column}"
  },
  json_too_deep: {
    ru: "\u0422\u0435\u043B\u043E \u0437\u0430\u043F\u0440\u043E\u0441\u0430 \u0432\u043B\u043E\u0436\u0435\u043D\u043E \u0433\u043B\u0443\u0431\u0436\u0435 {limit} \u0443\u0440\u043E\u0432\u043D\u0435\u0439",
    en: "The request body is nested deeper than {limit} levels"
  },
  json_too_many_keys: {
    ru: "\u0412 \u043E\u0431\u044A\u0435\u043A\u0442\u0435 \u0431\u043E\u043B\u044C\u0448\u0435 {limit} \u043F\u043E\u043B\u0435\u0439",
    en: "An object has more than {limit} properties"
  },
  json_too_many_items: {
    ru: "\u0412 \u0441\u043F\u0438\u0441\u043A\u0435 \u0431\u043E\u043B\u044C\u0448\u0435 {limit} \u044D\u043B\u0435\u043C\u0435\u043D\u0442\u043E\u0432",
    en: "A list has more than {limit} items"
  },
  forbidden_key: { ru: "\u041F\u043E\u043B\u0435 \xAB{key}\xBB \u043D\u0435\u0434\u043E\u043F\u0443\u0441\u0442\u0438\u043C\u043E", en: 'Property "{key}" is not allowed' },
  text_nul: {
    ru: "\u0422\u0435\u043A\u0441\u0442 \u0441\u043E\u0434\u0435\u0440\u0436\u0438\u0442 \u043D\u0443\u043B\u0435\u0432\u043E\u0439 \u0441\u0438\u043C\u0432\u043E\u043B (\\u0000); \u0442\u0430\u043A\u043E\u0439 \u0442\u0435\u043A\u0441\u0442 \u0441\u043E\u0445\u0440\u0430\u043D\u0438\u0442\u044C \u043D\u0435\u043B\u044C\u0437\u044F",
    en: "The text contains a NUL character (\\u0000), which cannot be stored"
  },
  text_lone_surrogate: {
    ru: "\u0422\u0435\u043A\u0441\u0442 \u0441\u043E\u0434\u0435\u0440\u0436\u0438\u0442 \u043F\u043E\u043B\u043E\u0432\u0438\u043D\u0443 \u0441\u0443\u0440\u0440\u043E\u0433\u0430\u0442\u043D\u043E\u0439 \u043F\u0430\u0440\u044B UTF-16 (\\uD800\u2013\\uDFFF \u0431\u0435\u0437 \u043F\u0430\u0440\u044B); \u0442\u0430\u043A\u043E\u0439 \u0442\u0435\u043A\u0441\u0442 \u0441\u043E\u0445\u0440\u0430\u043D\u0438\u0442\u044C \u043D\u0435\u043B\u044C\u0437\u044F",
    en: "The text contains half of a UTF-16 surrogate pair (\\uD800\u2013\\uDFFF unpaired), which cannot be stored"
  },
  payload_too_large: { ru: "\u0422\u0435\u043B\u043E \u0437\u0430\u043F\u0440\u043E\u0441\u0430 \u0441\u043B\u0438\u0448\u043A\u043E\u043C \u0431\u043E\u043B\u044C\u0448\u043E\u0435", en: "Request body is too large" },
  unsupported_media_type: {
    ru: "\u041D\u0435\u043F\u043E\u0434\u0434\u0435\u0440\u0436\u0438\u0432\u0430\u0435\u043C\u044B\u0439 \u0442\u0438\u043F \u0441\u043E\u0434\u0435\u0440\u0436\u0438\u043C\u043E\u0433\u043E; \u043E\u0442\u043F\u0440\u0430\u0432\u044C\u0442\u0435 JSON (application/json)",
    en: "Unsupported content type; send JSON (application/json)"
  },
  not_multipart: {
    ru: "\u0424\u0430\u0439\u043B \u043D\u0443\u0436\u043D\u043E \u043E\u0442\u043F\u0440\u0430\u0432\u0438\u0442\u044C \u0444\u043E\u0440\u043C\u043E\u0439 multipart/form-data",
    en: "Send the file as a multipart/form-data form"
  },
  multipart_malformed: {
    ru: "\u0424\u043E\u0440\u043C\u0430 \u0441 \u0444\u0430\u0439\u043B\u043E\u043C \u043F\u043E\u0432\u0440\u0435\u0436\u0434\u0435\u043D\u0430 \u0438\u043B\u0438 \u043F\u0440\u0438\u0448\u043B\u0430 \u043D\u0435 \u043F\u043E\u043B\u043D\u043E\u0441\u0442\u044C\u044E; \u043E\u0442\u043F\u0440\u0430\u0432\u044C\u0442\u0435 \u0435\u0451 \u0435\u0449\u0451 \u0440\u0430\u0437",
    en: "The file form is damaged or arrived incomplete; send it again"
  },
  multipart_limit: {
    ru: "\u0412 \u0444\u043E\u0440\u043C\u0435 \u0441\u043B\u0438\u0448\u043A\u043E\u043C \u043C\u043D\u043E\u0433\u043E \u043F\u043E\u043B\u0435\u0439 \u0438\u043B\u0438 \u0444\u0430\u0439\u043B\u043E\u0432",
    en: "The form has too many fields or files"
  },
  content_length_mismatch: {
    ru: "\u0420\u0430\u0437\u043C\u0435\u0440 \u0442\u0435\u043B\u0430 \u0437\u0430\u043F\u0440\u043E\u0441\u0430 \u043D\u0435 \u0441\u043E\u0432\u043F\u0430\u0434\u0430\u0435\u0442 \u0441 \u0437\u0430\u0433\u043E\u043B\u043E\u0432\u043A\u043E\u043C Content-Length",
    en: "The request body size does not match its Content-Length header"
  },
  bad_url: { ru: "\u041D\u0435\u043A\u043E\u0440\u0440\u0435\u043A\u0442\u043D\u044B\u0439 \u0430\u0434\u0440\u0435\u0441 \u0437\u0430\u043F\u0440\u043E\u0441\u0430", en: "The request address is malformed" },
  uri_too_long: {
    ru: "\u0427\u0430\u0441\u0442\u044C \u0430\u0434\u0440\u0435\u0441\u0430 \u0437\u0430\u043F\u0440\u043E\u0441\u0430 \u0441\u043B\u0438\u0448\u043A\u043E\u043C \u0434\u043B\u0438\u043D\u043D\u0430\u044F",
    en: "A part of the request address is too long"
  },
  bad_request: { ru: "\u041D\u0435\u043A\u043E\u0440\u0440\u0435\u043A\u0442\u043D\u044B\u0439 \u0437\u0430\u043F\u0440\u043E\u0441", en: "Bad request" },
  nothing_here: { ru: "\u041D\u0435 \u043D\u0430\u0439\u0434\u0435\u043D\u043E", en: "Not found" },
  body_missing: { ru: "\u0423 \u0437\u0430\u043F\u0440\u043E\u0441\u0430 \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u0442\u0435\u043B\u043E", en: "The request needs a body" },
  headers_too_large: { ru: "\u0417\u0430\u0433\u043E\u043B\u043E\u0432\u043A\u0438 \u0437\u0430\u043F\u0440\u043E\u0441\u0430 \u0441\u043B\u0438\u0448\u043A\u043E\u043C \u0431\u043E\u043B\u044C\u0448\u0438\u0435", en: "The request headers are too large" },
  client_timeout: {
    ru: "\u0417\u0430\u043F\u0440\u043E\u0441 \u043D\u0435 \u043F\u0440\u0438\u0448\u0451\u043B \u043F\u043E\u043B\u043D\u043E\u0441\u0442\u044C\u044E \u0432\u043E\u0432\u0440\u0435\u043C\u044F",
    en: "The request did not arrive in full in time"
  },
  request_timeout: {
    ru: "\u0421\u0435\u0440\u0432\u0435\u0440 \u043D\u0435 \u0443\u0441\u043F\u0435\u043B \u043E\u0431\u0440\u0430\u0431\u043E\u0442\u0430\u0442\u044C \u0437\u0430\u043F\u0440\u043E\u0441; \u043F\u043E\u0432\u0442\u043E\u0440\u0438\u0442\u0435 \u043F\u043E\u0437\u0436\u0435",
    en: "The server did not finish the request in time; try again later"
  },
  validation_failed: { ru: "\u0414\u0430\u043D\u043D\u044B\u0435 \u043D\u0435 \u043F\u0440\u043E\u0448\u043B\u0438 \u043F\u0440\u043E\u0432\u0435\u0440\u043A\u0443", en: "The data is invalid" },
  definition_invalid: {
    ru: "\u041E\u043F\u0440\u0435\u0434\u0435\u043B\u0435\u043D\u0438\u0435 \u0441\u043E\u0434\u0435\u0440\u0436\u0438\u0442 \u043E\u0448\u0438\u0431\u043A\u0438 \u0438 \u043D\u0435 \u043C\u043E\u0436\u0435\u0442 \u0431\u044B\u0442\u044C \u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D\u043E",
    en: "The definition has errors and cannot be published"
  },
  bundle_invalid: {
    ru: "\u041F\u0430\u043A\u0435\u0442 \u0441\u043E\u0434\u0435\u0440\u0436\u0438\u0442 \u043E\u0448\u0438\u0431\u043A\u0438; \u043D\u0438\u0447\u0435\u0433\u043E \u043D\u0435 \u0438\u043C\u043F\u043E\u0440\u0442\u0438\u0440\u043E\u0432\u0430\u043D\u043E",
    en: "The bundle has errors; nothing was imported"
  },
  version_conflict: {
    ru: "\u0414\u0430\u043D\u043D\u044B\u0435 \u0443\u0436\u0435 \u0438\u0437\u043C\u0435\u043D\u0438\u043B \u043A\u0442\u043E-\u0442\u043E \u0434\u0440\u0443\u0433\u043E\u0439 (\u0432\u0430\u0448\u0430 \u0432\u0435\u0440\u0441\u0438\u044F {given}, \u0442\u0435\u043A\u0443\u0449\u0430\u044F {current}). \u041E\u0431\u043D\u043E\u0432\u0438\u0442\u0435 \u0438 \u043F\u043E\u0432\u0442\u043E\u0440\u0438\u0442\u0435.",
    en: "Someone else changed this already (your version {given}, current {current}). Reload and try again."
  },
  duplicate_key: { ru: "\u0423\u0436\u0435 \u0441\u0443\u0449\u0435\u0441\u0442\u0432\u0443\u0435\u0442: {what}", en: "Already exists: {what}" },
  unique_violation: {
    ru: "\u0417\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u043F\u043E\u043B\u044F \xAB{field}\xBB \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u0443\u043D\u0438\u043A\u0430\u043B\u044C\u043D\u044B\u043C",
    en: 'Field "{field}" must be unique'
  },
  has_versions: {
    ru: "\u0423 \u043E\u043F\u0440\u0435\u0434\u0435\u043B\u0435\u043D\u0438\u044F \u0435\u0441\u0442\u044C \u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D\u043D\u044B\u0435 \u0432\u0435\u0440\u0441\u0438\u0438; \u0435\u0433\u043E \u043C\u043E\u0436\u043D\u043E \u0442\u043E\u043B\u044C\u043A\u043E \u043E\u0442\u043F\u0440\u0430\u0432\u0438\u0442\u044C \u0432 \u0430\u0440\u0445\u0438\u0432",
    en: "The definition has published versions; archive it instead"
  },
  entity_not_published: {
    ru: "\u0422\u0438\u043F \u0434\u0430\u043D\u043D\u044B\u0445 \xAB{entity}\xBB \u043D\u0435 \u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D",
    en: 'Data type "{entity}" is not published'
  },
  file_too_large: {
    ru: "\u0424\u0430\u0439\u043B \u0441\u043B\u0438\u0448\u043A\u043E\u043C \u0431\u043E\u043B\u044C\u0448\u043E\u0439: \u043C\u043E\u0436\u043D\u043E \u043D\u0435 \u0431\u043E\u043B\u044C\u0448\u0435 {limit} \u041C\u0411",
    en: "The file is too large: at most {limit} MB is allowed"
  },
  file_type_not_allowed: {
    ru: "\u0424\u0430\u0439\u043B \xAB{name}\xBB \u044D\u0442\u043E\u0433\u043E \u0442\u0438\u043F\u0430 \u0441\u044E\u0434\u0430 \u0437\u0430\u0433\u0440\u0443\u0437\u0438\u0442\u044C \u043D\u0435\u043B\u044C\u0437\u044F; \u0434\u043E\u043F\u0443\u0441\u0442\u0438\u043C\u043E: {accept}",
    en: 'File "{name}" is not of an allowed type; allowed: {accept}'
  },
  file_field_unknown: {
    ru: "\u0423 \u0442\u0438\u043F\u0430 \u0434\u0430\u043D\u043D\u044B\u0445 \xAB{entity}\xBB \u043D\u0435\u0442 \u043F\u043E\u043B\u044F-\u0444\u0430\u0439\u043B\u0430 \xAB{field}\xBB",
    en: 'Data type "{entity}" has no file field "{field}"'
  },
  file_missing: { ru: "\u0412 \u0437\u0430\u043F\u0440\u043E\u0441\u0435 \u043D\u0435\u0442 \u0444\u0430\u0439\u043B\u0430", en: "The request has no file" },
  file_form_order: {
    ru: "\u041F\u043E\u043B\u044F entity \u0438 field \u0434\u043E\u043B\u0436\u043D\u044B \u0438\u0434\u0442\u0438 \u0432 \u0444\u043E\u0440\u043C\u0435 \u043F\u0435\u0440\u0435\u0434 \u0444\u0430\u0439\u043B\u043E\u043C",
    en: "The form fields entity and field must come before the file"
  },
  file_ref_invalid: {
    ru: "\u0424\u0430\u0439\u043B \xAB{name}\xBB \u043D\u0435 \u043D\u0430\u0439\u0434\u0435\u043D \u0441\u0440\u0435\u0434\u0438 \u0437\u0430\u0433\u0440\u0443\u0436\u0435\u043D\u043D\u044B\u0445 \u0434\u043B\u044F \u044D\u0442\u043E\u0433\u043E \u043F\u043E\u043B\u044F; \u0437\u0430\u0433\u0440\u0443\u0437\u0438\u0442\u0435 \u0435\u0433\u043E \u0437\u0430\u043D\u043E\u0432\u043E",
    en: 'File "{name}" is not among the files uploaded for this field; upload it again'
  },
  file_content_missing: {
    ru: "\u0421\u043E\u0434\u0435\u0440\u0436\u0438\u043C\u043E\u0435 \u0444\u0430\u0439\u043B\u0430 \u043D\u0435 \u043D\u0430\u0439\u0434\u0435\u043D\u043E \u0432 \u0445\u0440\u0430\u043D\u0438\u043B\u0438\u0449\u0435 \u0441\u0435\u0440\u0432\u0435\u0440\u0430",
    en: "The file content is missing from the server storage"
  },
  category_in_use: {
    ru: "\u0412 \u0440\u0430\u0437\u0434\u0435\u043B\u0435 \u0435\u0441\u0442\u044C \u0441\u0442\u0430\u0442\u044C\u0438 ({articles}) \u0438\u043B\u0438 \u043F\u043E\u0434\u0440\u0430\u0437\u0434\u0435\u043B\u044B ({children}); \u043F\u0435\u0440\u0435\u043D\u0435\u0441\u0438\u0442\u0435 \u0438\u0445, \u0437\u0430\u0442\u0435\u043C \u0443\u0434\u0430\u043B\u0438\u0442\u0435 \u0440\u0430\u0437\u0434\u0435\u043B",
    en: "The category holds articles ({articles}) or subcategories ({children}); move them first"
  },
  article_transition: {
    ru: "\u0421\u0442\u0430\u0442\u044C\u044E \u043D\u0435\u043B\u044C\u0437\u044F \u043F\u0435\u0440\u0435\u0432\u0435\u0441\u0442\u0438 \u0438\u0437 \u0441\u043E\u0441\u0442\u043E\u044F\u043D\u0438\u044F \xAB{from}\xBB \u0432 \xAB{to}\xBB",
    en: 'An article cannot move from "{from}" to "{to}"'
  },
  article_was_published: {
    ru: "\u0421\u0442\u0430\u0442\u044C\u044F \u0443\u0436\u0435 \u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043B\u0430\u0441\u044C; \u0435\u0451 \u043C\u043E\u0436\u043D\u043E \u0442\u043E\u043B\u044C\u043A\u043E \u043E\u0442\u043F\u0440\u0430\u0432\u0438\u0442\u044C \u0432 \u0430\u0440\u0445\u0438\u0432",
    en: "The article has been published; archive it instead"
  },
  portal_accounts_off: {
    ru: "\u0420\u0435\u0433\u0438\u0441\u0442\u0440\u0430\u0446\u0438\u044F \u043D\u0430 \u043F\u043E\u0440\u0442\u0430\u043B\u0435 \u043D\u0435 \u043D\u0430\u0441\u0442\u0440\u043E\u0435\u043D\u0430: \u0432 \u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D\u043D\u043E\u043C \u043F\u043E\u0440\u0442\u0430\u043B\u0435 \u043D\u0435 \u0443\u043A\u0430\u0437\u0430\u043D\u043E, \u0433\u0434\u0435 \u0445\u0440\u0430\u043D\u044F\u0442\u0441\u044F \u043A\u043B\u0438\u0435\u043D\u0442\u044B \u0438 \u0438\u0445 \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044F",
    en: "Portal sign-up is not set up: the published portal does not say where clients and their requests are kept"
  },
  email_taken: {
    ru: "\u0421 \u044D\u0442\u0438\u043C \u0430\u0434\u0440\u0435\u0441\u043E\u043C \u044D\u043B\u0435\u043A\u0442\u0440\u043E\u043D\u043D\u043E\u0439 \u043F\u043E\u0447\u0442\u044B \u0443\u0436\u0435 \u0437\u0430\u0440\u0435\u0433\u0438\u0441\u0442\u0440\u0438\u0440\u043E\u0432\u0430\u043D \u043F\u043E\u043B\u044C\u0437\u043E\u0432\u0430\u0442\u0435\u043B\u044C. \u0412\u043E\u0439\u0434\u0438\u0442\u0435 \u0432 \u0441\u0438\u0441\u0442\u0435\u043C\u0443",
    en: "An account with this email address already exists. Sign in instead"
  },
  client_email_known: {
    ru: "\u042D\u0442\u043E\u0442 \u0430\u0434\u0440\u0435\u0441 \u0443\u0436\u0435 \u0435\u0441\u0442\u044C \u0432 \u043D\u0430\u0448\u0435\u0439 \u0431\u0430\u0437\u0435 \u043A\u043B\u0438\u0435\u043D\u0442\u043E\u0432. \u0427\u0442\u043E\u0431\u044B \u043F\u043E\u043B\u0443\u0447\u0438\u0442\u044C \u0434\u043E\u0441\u0442\u0443\u043F \u043A \u043B\u0438\u0447\u043D\u043E\u043C\u0443 \u043A\u0430\u0431\u0438\u043D\u0435\u0442\u0443, \u043E\u0431\u0440\u0430\u0442\u0438\u0442\u0435\u0441\u044C \u0432 \u043F\u043E\u0434\u0434\u0435\u0440\u0436\u043A\u0443",
    en: "This address is already in our client records. Contact support to get access to your account"
  },
  cross_origin: {
    ru: "\u041F\u043E\u0434\u043A\u043B\u044E\u0447\u0435\u043D\u0438\u0435 \u0441 \u0447\u0443\u0436\u043E\u0433\u043E \u0441\u0430\u0439\u0442\u0430 \u043E\u0442\u043A\u043B\u043E\u043D\u0435\u043D\u043E",
    en: "Connections from another site are refused"
  },
  notification_request_status: {
    ru: "\u0421\u0442\u0430\u0442\u0443\u0441 \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044F \u2116 {number} \u0438\u0437\u043C\u0435\u043D\u0451\u043D: {status}",
    en: "Request #{number} status changed: {status}"
  },
  support_team: { ru: "\u0421\u043B\u0443\u0436\u0431\u0430 \u043F\u043E\u0434\u0434\u0435\u0440\u0436\u043A\u0438", en: "Support team" },
  announcement_window: {
    ru: "\u041E\u043A\u043E\u043D\u0447\u0430\u043D\u0438\u0435 \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u043F\u043E\u0437\u0436\u0435 \u043D\u0430\u0447\u0430\u043B\u0430",
    en: "The end must be later than the start"
  },
  announcement_title_blank: { ru: "\u0417\u0430\u043F\u043E\u043B\u043D\u0438\u0442\u0435 \u0437\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A", en: "Enter a title" },
  invalid_credentials: { ru: "\u041D\u0435\u0432\u0435\u0440\u043D\u044B\u0439 \u043B\u043E\u0433\u0438\u043D \u0438\u043B\u0438 \u043F\u0430\u0440\u043E\u043B\u044C", en: "Wrong login or password" },
  rate_limited: {
    ru: "\u0421\u043B\u0438\u0448\u043A\u043E\u043C \u043C\u043D\u043E\u0433\u043E \u0437\u0430\u043F\u0440\u043E\u0441\u043E\u0432; \u043F\u043E\u0432\u0442\u043E\u0440\u0438\u0442\u0435 \u0447\u0435\u0440\u0435\u0437 {seconds} \u0441",
    en: "Too many requests; retry in {seconds} s"
  },
  bad_filter: { ru: "\u041D\u0435\u043A\u043E\u0440\u0440\u0435\u043A\u0442\u043D\u044B\u0439 \u0444\u0438\u043B\u044C\u0442\u0440 \xAB{filter}\xBB: {reason}", en: 'Invalid filter "{filter}": {reason}' },
  filter_unknown_operator: {
    ru: "\u043D\u0435\u0438\u0437\u0432\u0435\u0441\u0442\u043D\u0430\u044F \u043E\u043F\u0435\u0440\u0430\u0446\u0438\u044F \xAB{op}\xBB (\u0435\u0441\u0442\u044C: {ops})",
    en: 'unknown operator "{op}" (there are: {ops})'
  },
  filter_unknown_field: { ru: "\u043D\u0435\u0442 \u043F\u043E\u043B\u044F \xAB{field}\xBB", en: 'no field "{field}"' },
  filter_operator_unsupported: {
    ru: "\u043E\u043F\u0435\u0440\u0430\u0446\u0438\u044F \xAB{op}\xBB \u043A \u043F\u043E\u043B\u044E \xAB{field}\xBB \u043D\u0435 \u043F\u0440\u0438\u043C\u0435\u043D\u0438\u043C\u0430",
    en: 'operator "{op}" does not apply to "{field}"'
  },
  filter_not_number: { ru: "\xAB{value}\xBB \u2014 \u043D\u0435 \u0447\u0438\u0441\u043B\u043E", en: '"{value}" is not a number' },
  filter_not_whole_number: { ru: "\xAB{value}\xBB \u2014 \u043D\u0435 \u0446\u0435\u043B\u043E\u0435 \u0447\u0438\u0441\u043B\u043E", en: '"{value}" is not a whole number' },
  filter_not_date: {
    ru: "\xAB{value}\xBB \u2014 \u043D\u0435 \u0434\u0430\u0442\u0430 (\u043D\u0443\u0436\u043D\u0430 \u0432\u0438\u0434\u0430 2024-03-01 \u0438\u043B\u0438 2024-03-01T10:00)",
    en: '"{value}" is not a date (write it as 2024-03-01 or 2024-03-01T10:00)'
  },
  bad_sort: { ru: "\u041D\u0435\u043B\u044C\u0437\u044F \u0441\u043E\u0440\u0442\u0438\u0440\u043E\u0432\u0430\u0442\u044C \u043F\u043E \xAB{field}\xBB", en: 'Cannot sort by "{field}"' },
  definition_write_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432: \u0438\u0437\u043C\u0435\u043D\u044F\u0442\u044C \u043E\u043F\u0440\u0435\u0434\u0435\u043B\u0435\u043D\u0438\u044F \u0432\u0438\u0434\u0430 \xAB{kind}\xBB \u043C\u043E\u0433\u0443\u0442 \u0440\u043E\u043B\u0438 {roles}",
    en: 'Not allowed: definitions of kind "{kind}" are changed by the roles {roles}'
  },
  definition_publish_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432: \u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u0442\u044C \u043E\u043F\u0440\u0435\u0434\u0435\u043B\u0435\u043D\u0438\u044F \u0432\u0438\u0434\u0430 \xAB{kind}\xBB \u043C\u043E\u0433\u0443\u0442 \u0440\u043E\u043B\u0438 {roles}",
    en: 'Not allowed: definitions of kind "{kind}" are published by the roles {roles}'
  },
  definition_archive_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432: \u043E\u0442\u043F\u0440\u0430\u0432\u043B\u044F\u0442\u044C \u0432 \u0430\u0440\u0445\u0438\u0432 \u043E\u043F\u0440\u0435\u0434\u0435\u043B\u0435\u043D\u0438\u044F \u0432\u0438\u0434\u0430 \xAB{kind}\xBB \u043C\u043E\u0433\u0443\u0442 \u0440\u043E\u043B\u0438 {roles}",
    en: 'Not allowed: definitions of kind "{kind}" are archived by the roles {roles}'
  },
  records_read_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432: \u0447\u0438\u0442\u0430\u0442\u044C \u0437\u0430\u043F\u0438\u0441\u0438 \u0442\u0438\u043F\u0430 \xAB{entity}\xBB \u043C\u043E\u0433\u0443\u0442 \u0440\u043E\u043B\u0438 {roles}",
    en: 'Not allowed: records of type "{entity}" are read by the roles {roles}'
  },
  records_create_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432: \u0441\u043E\u0437\u0434\u0430\u0432\u0430\u0442\u044C \u0437\u0430\u043F\u0438\u0441\u0438 \u0442\u0438\u043F\u0430 \xAB{entity}\xBB \u043C\u043E\u0433\u0443\u0442 \u0440\u043E\u043B\u0438 {roles}",
    en: 'Not allowed: records of type "{entity}" are created by the roles {roles}'
  },
  records_update_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432: \u0438\u0437\u043C\u0435\u043D\u044F\u0442\u044C \u0437\u0430\u043F\u0438\u0441\u0438 \u0442\u0438\u043F\u0430 \xAB{entity}\xBB \u043C\u043E\u0433\u0443\u0442 \u0440\u043E\u043B\u0438 {roles}",
    en: 'Not allowed: records of type "{entity}" are changed by the roles {roles}'
  },
  records_delete_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432: \u0443\u0434\u0430\u043B\u044F\u0442\u044C \u0437\u0430\u043F\u0438\u0441\u0438 \u0442\u0438\u043F\u0430 \xAB{entity}\xBB \u043C\u043E\u0433\u0443\u0442 \u0440\u043E\u043B\u0438 {roles}",
    en: 'Not allowed: records of type "{entity}" are deleted by the roles {roles}'
  },
  foreign_client_link: {
    ru: "\u0417\u0434\u0435\u0441\u044C \u043C\u043E\u0436\u043D\u043E \u0443\u043A\u0430\u0437\u0430\u0442\u044C \u0442\u043E\u043B\u044C\u043A\u043E \u0432\u0430\u0448\u0443 \u0441\u043E\u0431\u0441\u0442\u0432\u0435\u043D\u043D\u0443\u044E \u0437\u0430\u043F\u0438\u0441\u044C",
    en: "Only your own record can be linked here"
  },
  knowledge_base_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432: \u0431\u0430\u0437\u0443 \u0437\u043D\u0430\u043D\u0438\u0439 \u043C\u0435\u043D\u044F\u044E\u0442 \u0440\u043E\u043B\u0438 {roles}",
    en: "Not allowed: the knowledge base is changed by the roles {roles}"
  },
  bundle_forbidden: {
    ru: "\u041D\u0435\u0434\u043E\u0441\u0442\u0430\u0442\u043E\u0447\u043D\u043E \u043F\u0440\u0430\u0432 \u043D\u0430 \u0447\u0430\u0441\u0442\u044C \u043F\u0430\u043A\u0435\u0442\u0430; \u043D\u0438\u0447\u0435\u0433\u043E \u043D\u0435 \u0438\u043C\u043F\u043E\u0440\u0442\u0438\u0440\u043E\u0432\u0430\u043D\u043E",
    en: "You may not import part of this bundle; nothing was imported"
  },
  bundle_more_refused: {
    ru: "\u0438 \u0435\u0449\u0451 {count} \u044D\u043B\u0435\u043C\u0435\u043D\u0442\u043E\u0432",
    en: "and {count} more items"
  },
  wrong_current_password: { ru: "\u0422\u0435\u043A\u0443\u0449\u0438\u0439 \u043F\u0430\u0440\u043E\u043B\u044C \u0443\u043A\u0430\u0437\u0430\u043D \u043D\u0435\u0432\u0435\u0440\u043D\u043E", en: "The current password is wrong" },
  already_archived: { ru: "\u0423\u0436\u0435 \u0432 \u0430\u0440\u0445\u0438\u0432\u0435: {what}", en: "Already archived: {what}" },
  csat_final: {
    ru: "\u041E\u0446\u0435\u043D\u043A\u0443 \u0443\u0436\u0435 \u043D\u0435\u043B\u044C\u0437\u044F \u0438\u0437\u043C\u0435\u043D\u0438\u0442\u044C: \u0434\u0438\u0430\u043B\u043E\u0433 \u043E\u0442\u043A\u0440\u044B\u0442 \u0441\u043D\u043E\u0432\u0430",
    en: "The rating can no longer change: the conversation was reopened"
  },
  csat_not_rated: { ru: "\u0421\u043D\u0430\u0447\u0430\u043B\u0430 \u043F\u043E\u0441\u0442\u0430\u0432\u044C\u0442\u0435 \u043E\u0446\u0435\u043D\u043A\u0443 \u043E\u0442 1 \u0434\u043E 5", en: "Rate from 1 to 5 first" },
  csat_link_expired: {
    ru: "\u0421\u0440\u043E\u043A \u0434\u0435\u0439\u0441\u0442\u0432\u0438\u044F \u0441\u0441\u044B\u043B\u043A\u0438 \u0434\u043B\u044F \u043E\u0446\u0435\u043D\u043A\u0438 \u0438\u0441\u0442\u0451\u043A",
    en: "The rating link has expired"
  },
  csat_period_empty: {
    ru: "\u041D\u0430\u0447\u0430\u043B\u043E \u043F\u0435\u0440\u0438\u043E\u0434\u0430 \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u0440\u0430\u043D\u044C\u0448\u0435 \u043A\u043E\u043D\u0446\u0430",
    en: "The period must start before it ends"
  },
  escalation_exists: {
    ru: "\u0414\u0438\u0430\u043B\u043E\u0433 \u0443\u0436\u0435 \u043F\u0435\u0440\u0435\u0434\u0430\u043D \u0432\u043E \u0432\u0442\u043E\u0440\u0443\u044E \u043B\u0438\u043D\u0438\u044E: \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u0435 \u2116 {number}",
    en: "The conversation was already escalated: request No. {number}"
  },
  escalation_unavailable: {
    ru: "\u041F\u0435\u0440\u0435\u0434\u0430\u0442\u044C \u0432\u043E \u0432\u0442\u043E\u0440\u0443\u044E \u043B\u0438\u043D\u0438\u044E \u043D\u0435\u043B\u044C\u0437\u044F: {reason}",
    en: "Cannot escalate: {reason}"
  },
  nothing_to_publish: {
    ru: "\u041D\u0435\u0442 \u0438\u0437\u043C\u0435\u043D\u0435\u043D\u0438\u0439 \u0434\u043B\u044F \u043F\u0443\u0431\u043B\u0438\u043A\u0430\u0446\u0438\u0438: \u0447\u0435\u0440\u043D\u043E\u0432\u0438\u043A \u0441\u043E\u0432\u043F\u0430\u0434\u0430\u0435\u0442 \u0441 \u0432\u0435\u0440\u0441\u0438\u0435\u0439 {version}",
    en: "Nothing to publish: the draft is the same as version {version}"
  },
  widget_session_invalid: {
    ru: "\u0421\u0435\u0430\u043D\u0441 \u0447\u0430\u0442\u0430 \u043D\u0435\u0434\u0435\u0439\u0441\u0442\u0432\u0438\u0442\u0435\u043B\u0435\u043D \u0438\u043B\u0438 \u0438\u0441\u0442\u0451\u043A; \u043E\u0442\u043A\u0440\u043E\u0439\u0442\u0435 \u0447\u0430\u0442 \u0437\u0430\u043D\u043E\u0432\u043E",
    en: "The chat session is invalid or has expired; open the chat again"
  },
  widget_too_many_sockets: {
    ru: "\u0427\u0430\u0442 \u043E\u0442\u043A\u0440\u044B\u0442 \u0432 \u0441\u043B\u0438\u0448\u043A\u043E\u043C \u043C\u043D\u043E\u0433\u0438\u0445 \u0432\u043A\u043B\u0430\u0434\u043A\u0430\u0445; \u0437\u0430\u043A\u0440\u043E\u0439\u0442\u0435 \u043B\u0438\u0448\u043D\u0438\u0435",
    en: "The chat is open in too many tabs; close some of them"
  },
  widget_button_unknown: { ru: "\u0422\u0430\u043A\u043E\u0439 \u043A\u043D\u043E\u043F\u043A\u0438 \u0432 \u0441\u043E\u043E\u0431\u0449\u0435\u043D\u0438\u0438 \u043D\u0435\u0442", en: "The message has no such button" },
  widget_message_empty: {
    ru: "\u041D\u0430\u043F\u0438\u0448\u0438\u0442\u0435 \u0441\u043E\u043E\u0431\u0449\u0435\u043D\u0438\u0435 \u0438\u043B\u0438 \u043F\u0440\u0438\u043B\u043E\u0436\u0438\u0442\u0435 \u0444\u0430\u0439\u043B",
    en: "Write a message or attach a file"
  },
  dialog_taken: { ru: "\u0414\u0438\u0430\u043B\u043E\u0433 \u0443\u0436\u0435 \u0432\u0437\u044F\u043B(\u0430) {name}", en: "{name} has already taken this dialog" },
  dialog_closed: { ru: "\u0414\u0438\u0430\u043B\u043E\u0433 \u0437\u0430\u043A\u0440\u044B\u0442", en: "The dialog is closed" },
  dialog_not_held: {
    ru: "\u0414\u0438\u0430\u043B\u043E\u0433 \u043D\u0438\u043A\u043E\u043C\u0443 \u043D\u0435 \u043D\u0430\u0437\u043D\u0430\u0447\u0435\u043D \u2014 \u0432\u0435\u0440\u043D\u0443\u0442\u044C \u0432 \u043E\u0447\u0435\u0440\u0435\u0434\u044C \u043D\u0435\u0447\u0435\u0433\u043E",
    en: "Nobody holds this dialog \u2014 there is nothing to return to the queue"
  },
  dialog_held_by_other: {
    ru: "\u0414\u0438\u0430\u043B\u043E\u0433 \u0432\u0435\u0434\u0451\u0442 \u0434\u0440\u0443\u0433\u043E\u0439 \u043E\u043F\u0435\u0440\u0430\u0442\u043E\u0440: \u043F\u0435\u0440\u0435\u0434\u0430\u0442\u044C \u0438\u043B\u0438 \u0432\u0435\u0440\u043D\u0443\u0442\u044C \u0435\u0433\u043E \u043C\u043E\u0436\u0435\u0442 \u043E\u043D \u0441\u0430\u043C \u0438\u043B\u0438 \u0441\u0443\u043F\u0435\u0440\u0432\u0438\u0437\u043E\u0440",
    en: "Another operator holds this dialog: only they or a supervisor may pass it on"
  },
  operator_offline: {
    ru: "{name} \u0441\u0435\u0439\u0447\u0430\u0441 \u043D\u0435 \u0432 \u0441\u0435\u0442\u0438 \u2014 \u043F\u0435\u0440\u0435\u0434\u0430\u0439\u0442\u0435 \u0434\u0438\u0430\u043B\u043E\u0433 \u043E\u043F\u0435\u0440\u0430\u0442\u043E\u0440\u0443 \u0432 \u0441\u0442\u0430\u0442\u0443\u0441\u0435 \xAB\u041E\u043D\u043B\u0430\u0439\u043D\xBB",
    en: "{name} is not online \u2014 pass the dialog to an operator who is online"
  },
  operator_not_serving: {
    ru: "{name} \u043D\u0435 \u043E\u0431\u0441\u043B\u0443\u0436\u0438\u0432\u0430\u0435\u0442 \u043B\u0438\u043D\u0438\u044E \xAB{line}\xBB",
    en: '{name} does not serve the line "{line}"'
  },
  operator_full: {
    ru: "\u0423 {name} \u043D\u0435\u0442 \u0441\u0432\u043E\u0431\u043E\u0434\u043D\u044B\u0445 \u043C\u0435\u0441\u0442: \u0432\u0435\u0434\u0451\u0442 {load} \u0438\u0437 {capacity} \u0434\u0438\u0430\u043B\u043E\u0433\u043E\u0432",
    en: "{name} has no room: leads {load} of {capacity} dialogs"
  },
  operator_full_self: {
    ru: "\u0423 \u0432\u0430\u0441 \u043D\u0435\u0442 \u0441\u0432\u043E\u0431\u043E\u0434\u043D\u044B\u0445 \u043C\u0435\u0441\u0442: \u0432\u044B \u0432\u0435\u0434\u0451\u0442\u0435 {load} \u0438\u0437 {capacity} \u0434\u0438\u0430\u043B\u043E\u0433\u043E\u0432 \u2014 \u0437\u0430\u043A\u0440\u043E\u0439\u0442\u0435 \u0438\u043B\u0438 \u043F\u0435\u0440\u0435\u0434\u0430\u0439\u0442\u0435 \u043E\u0434\u0438\u043D",
    en: "You have no room: you lead {load} of {capacity} dialogs \u2014 close or pass one on first"
  },
  not_an_operator: { ru: "{name} \u043D\u0435 \u0440\u0430\u0431\u043E\u0442\u0430\u0435\u0442 \u0441 \u0434\u0438\u0430\u043B\u043E\u0433\u0430\u043C\u0438", en: "{name} does not work with dialogs" },
  bot_session_missing: {
    ru: "\u0412 \u044D\u0442\u043E\u043C \u0434\u0438\u0430\u043B\u043E\u0433\u0435 \u0431\u043E\u0442 \u043D\u0435 \u0440\u0430\u0431\u043E\u0442\u0430\u0435\u0442 \u2014 \u0432\u043E\u0437\u0432\u0440\u0430\u0449\u0430\u0442\u044C \u043D\u0435\u043A\u043E\u043C\u0443",
    en: "No bot works in this dialog \u2014 there is nobody to hand it back to"
  },
  bot_block_refused: {
    ru: "\u0411\u043E\u0442 \u043D\u0435 \u043C\u043E\u0436\u0435\u0442 \u043F\u0440\u043E\u0434\u043E\u043B\u0436\u0438\u0442\u044C \u0441 \u0431\u043B\u043E\u043A\u0430 \xAB{block}\xBB: {reason}",
    en: 'The bot cannot go on from block "{block}": {reason}'
  },
  internal: { ru: "\u0412\u043D\u0443\u0442\u0440\u0435\u043D\u043D\u044F\u044F \u043E\u0448\u0438\u0431\u043A\u0430 \u0441\u0435\u0440\u0432\u0435\u0440\u0430", en: "Internal server error" },
  unavailable: { ru: "\u0421\u0435\u0440\u0432\u0438\u0441 \u0432\u0440\u0435\u043C\u0435\u043D\u043D\u043E \u043D\u0435\u0434\u043E\u0441\u0442\u0443\u043F\u0435\u043D", en: "Service unavailable" }
};
function message(locale, key2, params = {}) {
  const texts3 = catalogue[key2];
  return (texts3[locale] ?? texts3.ru).replace(/\{(\w+)\}/g, (_, name) => {
    const value = params[name];
    if (value === void 0) return `{${name}}`;
    return typeof value === "object" ? message(locale, value.key, value.params) : String(value);
  });
}
function localeFrom(acceptLanguage) {
  return acceptLanguage?.trim().toLowerCase().startsWith("en") ? "en" : "ru";
}

// server/src/http/framework-errors.ts
var known = {
  // fastify
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: "malformed_json", key: "bad_request" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: "malformed_json", key: "bad_request" },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: "payload_too_large", key: "payload_too_large" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    key: "unsupported_media_type"
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: "content_length_mismatch",
    key: "content_length_mismatch"
  },
  FST_ERR_BAD_URL: { status: 400, code: "bad_url", key: "bad_url" },
  FST_ERR_INVALID_URL: { status: 400, code: "bad_url", key: "bad_url" },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: "uri_too_long", key: "uri_too_long" },
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    key: "unsupported_media_type"
  },
  FST_ERR_ROUTE_MISSING_CONTENT: { status: 400, code: "body_missing", key: "body_missing" },
  FST_ERR_NOT_FOUND: { status: 404, code: "not_found", key: "nothing_here" },
  FST_ERR_HANDLER_TIMEOUT: { status: 503, code: "request_timeout", key: "request_timeout" },
  FST_ERR_VALIDATION: { status: 400, code: "validation_failed", key: "validation_failed" },
  // Marked 400 by Fastify, but only our own code can cause it (a parser added after start).
  FST_ERR_CTP_INSTANCE_ALREADY_STARTED: { status: 500, code: "internal", key: "internal" },
  // @fastify/multipart (busboy's own parse errors are caught where uploads are read, see receive-upload.ts)
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: "unsupported_media_type", key: "not_multipart" },
  FST_PARTS_LIMIT: { status: 413, code: "multipart_limit", key: "multipart_limit" },
  FST_FILES_LIMIT: { status: 413, code: "multipart_limit", key: "multipart_limit" },
  FST_FIELDS_LIMIT: { status: 413, code: "multipart_limit", key: "multipart_limit" },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: "payload_too_large", key: "payload_too_large" },
  FST_PROTO_VIOLATION: { status: 400, code: "multipart_malformed", key: "multipart_malformed" },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, code: "multipart_malformed", key: "multipart_malformed" },
  FST_MP_PREMATURE_CLOSE: { status: 400, code: "multipart_malformed", key: "multipart_malformed" }
};
function frameworkError(error) {
  const found = error.code ? known[error.code] : void 0;
  if (found) return found;
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 500 ? { status, code: "bad_request", key: "bad_request" } : null;
}
function answerClientError(error, socket) {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, code] = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? [408, "Request Timeout", "client_timeout"] : error.code === "HPE_HEADER_OVERFLOW" ? [431, "Request Header Fields Too Large", "headers_too_large"] : [400, "Bad Request", "bad_request"];
  const body = JSON.stringify({ error: { code, message: message("ru", code), details: [] } });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r
Content-Length: ${Buffer.byteLength(body)}\r
Content-Type: application/json; charset=utf-8\r
Connection: close\r
\r
${body}`
    );
  socket.destroy(error);
}

// server/src/http/security-headers.ts
import helmet from "helmet";

// server/src/html/sanitize.ts
import sanitize from "sanitize-html";
var videoHosts = [
  "www.youtube.com",
  "www.youtube-nocookie.com",
  "player.vimeo.com",
  "rutube.ru",
  "vk.com",
  "vkvideo.ru"
];
var options = {
  allowedTags: [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "blockquote",
    "pre",
    "code",
    "span",
    "div",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "mark",
    "small",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "figure",
    "figcaption",
    "video",
    "source",
    "iframe",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "colgroup",
    "col"
  ],
  allowedAttributes: {
    a: ["href", "title", "target", "rel"],
    img: ["src", "alt", "title", "width", "height"],
    video: ["src", "controls", "width", "height", "poster"],
    source: ["src", "type"],
    iframe: ["src", "width", "height", "title", "allowfullscreen", "frameborder", "allow"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
    "*": ["data-type"]
  },
  // Relative links stay (/kb/…, /api/v1/kb/files/…); javascript:, data: and other schemes go.
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  allowedIframeHostnames: videoHosts,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: "discard",
  // Text inside dropped <script>/<style> goes with them.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title"],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.target === "_blank" ? { ...attribs, rel: "noopener noreferrer" } : withoutTarget(attribs)
    })
  }
};
function withoutTarget(attribs) {
  const { target: _target, ...rest } = attribs;
  return rest;
}
function sanitizeHtml(html) {
  return sanitize(html, options).trim();
}
var controlCharacters = /[\u0000-\u001f\u007f]/g;
function htmlToText(html) {
  const spaced = html.replace(/<br\s*\/?>/gi, " ").replace(/<\/(p|h[1-6]|li|tr|td|th|caption|div|blockquote|pre|figcaption|dt|dd)>/gi, "$& ");
  return sanitize(spaced, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "title"]
  }).replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(controlCharacters, " ").replace(/\s+/g, " ").trim();
}

// server/src/http/security-headers.ts
var appDirectives = {
  "default-src": ["'self'"],
  "base-uri": ["'self'"],
  // ajv compiles definition and record schemas into functions in the browser (the same validation code as the
  // server's, and record types are defined at run time): that needs eval. Inline and foreign scripts stay refused.
  "script-src": ["'self'", "'unsafe-eval'"],
  "script-src-attr": ["'none'"],
  // Monaco, React Flow and TipTap set style attributes and inject <style> elements at run time.
  "style-src": ["'self'", "'unsafe-inline'"],
  // Monaco's codicon font is a bundled file; small fonts may be inlined by Vite as data: URLs.
  "font-src": ["'self'", "data:"],
  // Articles may show pictures and videos from other sites (the sanitizer keeps http/https sources).
  "img-src": ["'self'", "data:", "blob:", "https:", "http:"],
  "media-src": ["'self'", "blob:", "https:", "http:"],
  // 'self' covers the live WebSocket (ws:/wss: of the same host) in current browsers.
  "connect-src": ["'self'"],
  "worker-src": ["'self'", "blob:"],
  // The page designer's preview is the portal in a same-origin iframe; articles embed known video players only
  // (host without a scheme: https on an https site, either on a plain-http one).
  "frame-src": ["'self'", ...videoHosts],
  "object-src": ["'none'"],
  "form-action": ["'self'"]
};
function helmetOptions(policy) {
  const framedBySelf = policy === "framed-by-self";
  const directives = policy === "api" ? { "default-src": ["'none'"], "base-uri": ["'none'"], "form-action": ["'none'"] } : appDirectives;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, "frame-ancestors": [framedBySelf ? "'self'" : "'none'"] }
    },
    xFrameOptions: { action: framedBySelf ? "sameorigin" : "deny" },
    // Not "no-referrer": embedded YouTube players refuse to play without the embedding site's origin.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // HSTS belongs to whoever terminates TLS (it knows whether every subdomain speaks HTTPS); plain-http
    // installs on a LAN must not be told to upgrade their requests either.
    strictTransportSecurity: false
  };
}
var middlewares = Object.fromEntries(
  ["api", "app", "framed-by-self"].map((policy) => [policy, helmet(helmetOptions(policy))])
);
function headerPolicyFor(url, routePolicy) {
  if (routePolicy) return routePolicy;
  const path2 = url.split("?")[0] ?? "";
  if (path2 === "/api/docs" || path2.startsWith("/api/docs/")) return "app";
  if (path2 === "/api" || path2.startsWith("/api/")) return "api";
  if (path2.startsWith("/preview/")) return "framed-by-self";
  return "app";
}
function registerSecurityHeaders(app) {
  app.addHook("onSend", (request, reply, payload, done) => {
    applySecurityHeaders(request, reply);
    done(null, payload);
  });
}
function applySecurityHeaders(request, reply) {
  const policy = headerPolicyFor(request.url, request.routeOptions.config?.headerPolicy);
  middlewares[policy](request.raw, reply.raw, () => void 0);
  if (mustNotBeStored(reply, policy)) reply.header("cache-control", "no-store");
}
function mustNotBeStored(reply, policy) {
  return reply.hasHeader("set-cookie") || policy === "api" && !reply.hasHeader("cache-control");
}
function allowFramingBy(reply, origins) {
  const csp = String(reply.raw.getHeader("content-security-policy") ?? "");
  const ancestors = ["'self'", ...origins].join(" ");
  const directives = csp.split(";").map((directive) => directive.trim()).filter((directive) => directive && !directive.startsWith("frame-ancestors"));
  reply.raw.setHeader("content-security-policy", [...directives, `frame-ancestors ${ancestors}`].join(";"));
  reply.raw.removeHeader("x-frame-options");
}

// server/src/http/validation.ts
import { ajvErrorsToProblems, boundedValidator } from "@opora/runtime/definitions";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
var addFormats = addFormatsModule;
var options2 = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };
var strict = addFormats(new Ajv({ ...options2, coerceTypes: false }));
var strictFirstError = addFormats(new Ajv({ ...options2, allErrors: false, coerceTypes: false }));
var coercing = addFormats(new Ajv({ ...options2, coerceTypes: "array" }));
var compileBodyValidator = (schema) => strict.compile(schema);
var validatorCompiler = ({ schema, httpPart }) => httpPart === "body" ? boundedValidator(strictFirstError, strict, schema) : coercing.compile(schema);
var ajvErrorsToDetails = (errors, locale, prefix) => ajvErrorsToProblems(errors, locale, prefix);

// server/src/http/error-handler.ts
function registerErrorHandler(app) {
  app.setErrorHandler((error, request, reply) => answerError(error, request, reply));
}
function answerError(error, request, reply) {
  const locale = requestLocale(request);
  const rendered = classify(error, locale);
  if (rendered.status >= 500) request.log.error({ err: error }, "request failed");
  applySecurityHeaders(request, reply);
  return send(reply, locale, rendered);
}
function registerNotFound(app, fallback) {
  app.setNotFoundHandler(
    (request, reply) => fallback?.(request, reply) ?? send(reply, requestLocale(request), {
      status: 404,
      code: "not_found",
      key: "route_not_found",
      params: { method: request.method, url: request.url.split("?")[0] ?? "" }
    })
  );
}
function requestLocale(request) {
  return request.actor?.locale ?? localeFrom(request.headers["accept-language"]);
}
function send(reply, locale, r) {
  return reply.status(r.status).send({
    error: {
      code: r.code,
      message: message(locale, r.key, r.params),
      details: (r.details ?? []).map((d) => ({
        ...d,
        message: typeof d.message === "string" ? d.message : message(locale, d.message.key, d.message.params)
      }))
    }
  });
}
function classify(error, locale) {
  if (error instanceof AppError)
    return {
      status: error.status,
      code: error.code,
      key: error.messageKey,
      params: error.params,
      details: error.details
    };
  if (error.validation) {
    const prefix = error.validationContext === "body" ? "" : `/${error.validationContext ?? ""}`;
    const details = ajvErrorsToDetails(error.validation, locale, prefix);
    return { status: 400, code: "validation_failed", key: "validation_failed", details };
  }
  return frameworkError(error) ?? { status: 500, code: "internal", key: "internal" };
}

// server/src/http/http-platform.ts
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import fastifyWebsocket from "@fastify/websocket";
import fp2 from "fastify-plugin";

// server/src/modules/system/info-routes.ts
import { Type } from "@sinclair/typebox";
var productVersion = "0.1.0";
var infoRoutes = async (app, { db, timeZone }) => {
  app.get(
    "/info",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Product name, version, database kind and the organisation time zone forms compute in",
        response: {
          200: Type.Object({
            name: Type.String(),
            version: Type.String(),
            database: Type.String(),
            locales: Type.Array(Type.String()),
            timeZone: Type.String()
          })
        }
      }
    },
    async () => ({
      name: "Opora",
      version: productVersion,
      database: db.kind,
      locales: ["ru", "en"],
      timeZone
    })
  );
};

// server/src/http/rate-limit.ts
var rateLimitOptions = {
  global: false,
  errorResponseBuilder: (_request, context) => new AppError(context.statusCode, "rate_limited", "rate_limited", {
    seconds: Math.max(1, Math.ceil(context.ttl / 1e3))
  })
};

// server/src/http/json/json-syntax.ts
var State = { Value: 0, FirstItem: 1, FirstKey: 2, Key: 3, Colon: 4, AfterValue: 5 };
var structural = /["[\]{}]/g;
function nestingFault(text2, maxDepth) {
  structural.lastIndex = 0;
  let depth = 0;
  for (let found = structural.exec(text2); found; found = structural.exec(text2)) {
    const c = text2.charCodeAt(found.index);
    if (c === 34) structural.lastIndex = pastString(text2, found.index);
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return found.index;
    } else depth--;
  }
  return null;
}
function pastString(text2, start) {
  for (let from = start + 1; ; ) {
    const quote2 = text2.indexOf('"', from);
    if (quote2 < 0) return text2.length;
    let slashes = 0;
    while (text2.charCodeAt(quote2 - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return quote2 + 1;
    from = quote2 + 1;
  }
}
var isSpace = (c) => c === 32 || c === 10 || c === 13 || c === 9;
var isDigit = (c) => c >= 48 && c <= 57;
var isHex = (c) => isDigit(c) || c >= 97 && c <= 102 || c >= 65 && c <= 70;
function jsonSyntaxFault(text2) {
  const open2 = [];
  let state = State.Value;
  let i = 0;
  for (; ; ) {
    while (i < text2.length && isSpace(text2.charCodeAt(i))) i++;
    if (i >= text2.length)
      return state === State.AfterValue && !open2.length ? null : { at: i, problem: "end" };
    const c = text2.charCodeAt(i);
    if (state === State.Colon) {
      if (c !== 58) return { at: i, problem: "unexpected" };
      i++;
      state = State.Value;
    } else if (state === State.AfterValue) {
      const container = open2.at(-1);
      if (container === void 0) return { at: i, problem: "unexpected" };
      if (c === 44) {
        i++;
        state = container === 123 ? State.Key : State.Value;
      } else if (c === (container === 123 ? 125 : 93)) {
        open2.pop();
        i++;
      } else return { at: i, problem: "unexpected" };
    } else if (state === State.Key || state === State.FirstKey) {
      if (state === State.FirstKey && c === 125) {
        open2.pop();
        i++;
        state = State.AfterValue;
        continue;
      }
      if (c !== 34) return { at: i, problem: "unexpected" };
      const end = stringEnd(text2, i);
      if (typeof end !== "number") return end;
      i = end;
      state = State.Colon;
    } else {
      if (state === State.FirstItem && c === 93) {
        open2.pop();
        i++;
        state = State.AfterValue;
        continue;
      }
      if (c === 123 || c === 91) {
        open2.push(c);
        i++;
        state = c === 123 ? State.FirstKey : State.FirstItem;
        continue;
      }
      const end = c === 34 ? stringEnd(text2, i) : c === 45 || isDigit(c) ? numberEnd(text2, i) : literalEnd(text2, i);
      if (typeof end !== "number") return end;
      i = end;
      state = State.AfterValue;
    }
  }
}
function stringEnd(text2, start) {
  for (let i = start + 1; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return { at: i, problem: "control" };
    if (c !== 92) continue;
    const next = text2.charCodeAt(i + 1);
    if (next === 117) {
      for (let k = 2; k <= 5; k++)
        if (!isHex(text2.charCodeAt(i + k)))
          return { at: i, problem: i + k >= text2.length ? "end" : "escape" };
      i += 5;
    } else if ('"\\/bfnrt'.includes(text2[i + 1] ?? "") && i + 1 < text2.length) i++;
    else return { at: i, problem: i + 1 >= text2.length ? "end" : "escape" };
  }
  return { at: text2.length, problem: "end" };
}
function numberEnd(text2, start) {
  let i = start;
  const digits = () => {
    const from = i;
    while (isDigit(text2.charCodeAt(i))) i++;
    return i > from;
  };
  const fault = () => ({ at: i, problem: i >= text2.length ? "end" : "number" });
  if (text2.charCodeAt(i) === 45) i++;
  if (text2.charCodeAt(i) === 48) i++;
  else if (!digits()) return fault();
  if (text2.charCodeAt(i) === 46) {
    i++;
    if (!digits()) return fault();
  }
  if ((text2.charCodeAt(i) | 32) === 101) {
    i++;
    if (text2.charCodeAt(i) === 43 || text2.charCodeAt(i) === 45) i++;
    if (!digits()) return fault();
  }
  return i;
}
function literalEnd(text2, start) {
  for (const literal of ["true", "false", "null"]) {
    if (text2.startsWith(literal, start)) return start + literal.length;
    if (text2.length - start < literal.length && literal.startsWith(text2.slice(start)))
      return { at: text2.length, problem: "end" };
  }
  return { at: start, problem: "unexpected" };
}

// server/src/http/json/json-value-fault.ts
var defaultJsonLimits = { depth: 64, keys: 1e3, items: 1e4 };
var unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function textFault(text2) {
  const found = unstorable.exec(text2);
  if (!found) return null;
  return found[0] === "\0" ? "nul" : "lone_surrogate";
}
function jsonValueFault(document2, limits) {
  const stack = [{ value: document2, parent: null, key: "" }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      const problem = textFault(value);
      if (problem) return { pointer: pointerOf(visit), problem };
    } else if (Array.isArray(value)) {
      if (value.length > limits.items)
        return { pointer: pointerOf(visit), problem: "too_many_items", detail: limits.items };
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], parent: visit, key: String(i) });
    } else if (value !== null && typeof value === "object") {
      const keys = Object.keys(value);
      if (keys.length > limits.keys)
        return { pointer: pointerOf(visit), problem: "too_many_keys", detail: limits.keys };
      for (let i = keys.length - 1; i >= 0; i--) {
        const key2 = keys[i];
        const child = value[key2];
        const next = { value: child, parent: visit, key: key2 };
        const problem = keyFault(key2, child);
        if (problem) return { pointer: pointerOf(next), problem, detail: key2 };
        stack.push(next);
      }
    }
  }
  return null;
}
function keyFault(key2, value) {
  if (key2 === "__proto__") return "forbidden_key";
  if (key2 === "constructor" && value !== null && typeof value === "object" && Object.hasOwn(value, "prototype"))
    return "forbidden_key";
  return textFault(key2);
}
var pointerToken = (key2) => key2.replace(/~/g, "~0").replace(/\//g, "~1");
function pointerOf(visit) {
  const tokens = [];
  for (let v = visit; v?.parent; v = v.parent) tokens.push(pointerToken(v.key));
  return tokens.reverse().map((t) => `/${t}`).join("");
}

// server/src/http/json/json-body.ts
function registerJsonBody(app) {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    try {
      done(null, parseJsonBody(body, limitsOf(request)));
    } catch (error) {
      done(error, void 0);
    }
  });
}
var limitsOf = (request) => ({
  ...defaultJsonLimits,
  ...request.routeOptions.config?.jsonLimits
});
function parseJsonBody(text2, limits) {
  if (!text2.trim()) throw malformed("json_empty", {});
  if (nestingFault(text2, limits.depth) !== null)
    throw refusal("json_too_deep", "json_too_deep", "", { limit: limits.depth });
  let document2;
  try {
    document2 = JSON.parse(text2);
  } catch {
    const syntax = jsonSyntaxFault(text2);
    throw syntax ? malformed(syntaxMessage[syntax.problem], positionOf(text2, syntax.at)) : malformed("json_invalid", {});
  }
  const fault = jsonValueFault(document2, limits);
  if (fault) throw valueRefusal(fault);
  return document2;
}
var syntaxMessage = {
  end: "json_end",
  unexpected: "json_unexpected",
  control: "json_control",
  escape: "json_escape",
  number: "json_number"
};
function malformed(key2, params) {
  const reason = { key: key2, params };
  return new AppError(400, "malformed_json", "malformed_json", { reason }, [
    { pointer: "", message: reason }
  ]);
}
var visible = /^[\p{L}\p{N}\p{P}\p{S}]$/u;
function positionOf(text2, at) {
  const before = text2.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  const code = text2.codePointAt(at) ?? 0;
  const found = String.fromCodePoint(code);
  const char = visible.test(found) ? found : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return { line, column, char };
}
var valueMessage = {
  too_many_keys: { code: "json_too_many_keys", key: "json_too_many_keys" },
  too_many_items: { code: "json_too_many_items", key: "json_too_many_items" },
  nul: { code: "invalid_text", key: "text_nul" },
  lone_surrogate: { code: "invalid_text", key: "text_lone_surrogate" },
  forbidden_key: { code: "forbidden_key", key: "forbidden_key" }
};
function valueRefusal(fault) {
  const { code, key: key2 } = valueMessage[fault.problem];
  const params = fault.problem === "forbidden_key" ? { key: String(fault.detail) } : { limit: fault.detail ?? "" };
  return refusal(code, key2, fault.pointer, params);
}
function refusal(code, key2, pointer, params = {}) {
  return new AppError(400, code, key2, params, [{ pointer, message: { key: key2, params } }]);
}

// server/src/http/request-text.ts
function registerRequestTextCheck(app) {
  app.addHook("preValidation", async (request) => {
    const parts = { params: request.params, querystring: request.query };
    for (const [part, values] of Object.entries(parts)) {
      if (!values || typeof values !== "object") continue;
      for (const [name, value] of Object.entries(values)) {
        const texts3 = [name, ...Array.isArray(value) ? value : [value]];
        const problem = texts3.map((t) => typeof t === "string" ? textFault(t) : null).find(Boolean);
        if (problem)
          throw refusal(
            "invalid_text",
            problem === "nul" ? "text_nul" : "text_lone_surrogate",
            `/${part}/${pointerToken(name)}`
          );
      }
    }
  });
}

// server/src/http/request-edge.ts
function registerRequestEdge(app) {
  registerJsonBody(app);
  registerRequestTextCheck(app);
}

// server/src/http/http-platform.ts
var httpPlatform = fp2(
  async (app) => {
    registerErrorHandler(app);
    registerRequestEdge(app);
    await app.register(fastifyCookie);
    registerSecurityHeaders(app);
    await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
    await app.register(fastifyRateLimit, rateLimitOptions);
    await app.register(fastifySwagger, {
      openapi: {
        info: {
          title: "Opora API",
          version: productVersion,
          description: "REST API of the Opora support platform"
        },
        components: {
          securitySchemes: {
            session: { type: "apiKey", in: "cookie", name: "opora_session" },
            bearer: { type: "http", scheme: "bearer" }
          }
        }
      }
    });
    await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  },
  { name: "http-platform" }
);
var apiPrefix = "/api/v1";

// server/src/http/trust-proxy.ts
function fastifyTrustProxy(trust) {
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return trust ?? false;
}

// server/src/logging/log-redaction.ts
import { stdSerializers } from "pino";
var credentialFields = [
  "password",
  "passwordHash",
  "password_hash",
  "token",
  "tokenHash",
  "token_hash",
  "csrfToken",
  "csrf_token",
  "sessionId",
  "session_id",
  "secret"
];
var redactedPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...credentialFields,
  ...credentialFields.map((field) => `*.${field}`)
];
function withLogRedaction(options4) {
  if (options4 === false) return false;
  const given = options4 === true ? {} : options4;
  const redact = Array.isArray(given.redact) ? given.redact : given.redact?.paths ?? [];
  return {
    ...given,
    redact: { paths: [...redactedPaths, ...redact], censor: "[redacted]" },
    serializers: { req: serializeRequest, ...given.serializers, err: serializeError }
  };
}
function serializeError(error) {
  const serialized = stdSerializers.err(error);
  return causedByDatabase(error) ? scrubbedError(serialized) : serialized;
}
function serializeRequest(request) {
  return {
    method: request.method,
    url: withoutQueryToken(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort
  };
}
function withoutQueryToken(url) {
  const start = url?.indexOf("?") ?? -1;
  if (!url || start < 0) return url;
  const params = new URLSearchParams(url.slice(start + 1));
  if (!params.has("token")) return url;
  params.set("token", "[redacted]");
  return `${url.slice(0, start)}?${params.toString()}`;
}

// server/src/modules/announcements/index.ts
import fp3 from "fastify-plugin";

// server/src/modules/announcements/announcement-routes.ts
import { Type as Type4 } from "@sinclair/typebox";

// server/src/http/schemas.ts
import { literals } from "@opora/runtime/definitions";
import { Type as Type2 } from "@sinclair/typebox";
var NoContent = Type2.Null({ description: "No content" });
var Uuid = Type2.String({ format: "uuid" });
var IdParams = Type2.Object({ id: Uuid }, { additionalProperties: false });
var ErrorResponse = Type2.Object({
  error: Type2.Object({
    code: Type2.String(),
    message: Type2.String(),
    details: Type2.Array(
      Type2.Object({ pointer: Type2.String(), message: Type2.String(), code: Type2.Optional(Type2.String()) })
    )
  })
});
var maxOffset = 1e9;
var Paging = {
  limit: Type2.Optional(Type2.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type2.Optional(Type2.Integer({ minimum: 0, maximum: maxOffset, default: 0 }))
};
var PageOf = (item) => Type2.Object({
  items: Type2.Array(item),
  total: Type2.Integer(),
  limit: Type2.Integer(),
  offset: Type2.Integer()
});
var RoleSchema = literals(["admin", "analyst", "developer", "operator", "supervisor", "client"]);
var LocaleSchema = Type2.Union([Type2.Literal("ru"), Type2.Literal("en")]);
var UserSchema = Type2.Object({
  id: Type2.String(),
  login: Type2.String(),
  name: Type2.String(),
  email: Type2.Union([Type2.String(), Type2.Null()]),
  roles: Type2.Array(Type2.String()),
  locale: Type2.String(),
  active: Type2.Boolean(),
  createdAt: Type2.String()
});
var errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse
};
var AuditSchema = Type2.Object({
  id: Type2.String(),
  at: Type2.String(),
  actor: Type2.Union([Type2.Object({ id: Type2.String(), name: Type2.String() }), Type2.Null()]),
  action: Type2.String(),
  targetType: Type2.String(),
  targetId: Type2.String(),
  before: Type2.Unknown(),
  after: Type2.Unknown()
});

// server/src/modules/announcements/announcement-schemas.ts
import { Type as Type3 } from "@sinclair/typebox";
var Severity = Type3.Union([Type3.Literal("info"), Type3.Literal("maintenance"), Type3.Literal("outage")]);
var AnnouncementInputSchema = Type3.Object(
  {
    title: Type3.String({ minLength: 1, maxLength: 200 }),
    body: Type3.Optional(Type3.String({ maxLength: 1e5, description: "HTML; sanitized when saved" })),
    severity: Severity,
    startsAt: Type3.String({ format: "date-time" }),
    endsAt: Type3.Optional(
      Type3.Union([Type3.String({ format: "date-time" }), Type3.Null()], {
        description: "Absent or null: shown until removed or given an end"
      })
    )
  },
  { additionalProperties: false }
);
var AnnouncementSchema = Type3.Object({
  id: Type3.String(),
  title: Type3.String(),
  body: Type3.String(),
  severity: Severity,
  startsAt: Type3.String(),
  endsAt: Type3.Union([Type3.String(), Type3.Null()]),
  createdAt: Type3.String(),
  updatedAt: Type3.String(),
  createdBy: Type3.Union([Type3.String(), Type3.Null()])
});

// server/src/modules/announcements/announcement-routes.ts
var canAnnounce = ["admin", "supervisor", "analyst"];
var tags = ["announcements"];
var announcementRoutes = async (app, { announcements }) => {
  const config3 = { access: canAnnounce };
  const actor = (request) => request.actor;
  app.get(
    "/portal/announcements",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Announcements active now; with includePast also those ended in the last 30 days",
        querystring: Type4.Object(
          {
            includePast: Type4.Optional(Type4.Boolean()),
            limit: Type4.Optional(Type4.Integer({ minimum: 1, maximum: 100, default: 20 }))
          },
          { additionalProperties: false }
        ),
        response: { 200: Type4.Object({ items: Type4.Array(AnnouncementSchema) }), ...errorResponses }
      }
    },
    (request) => announcements.current(request.query.includePast ?? false, request.query.limit ?? 20)
  );
  app.get(
    "/announcements",
    {
      config: config3,
      schema: {
        tags,
        summary: "All announcements, scheduled and ended ones included, newest start first",
        querystring: Type4.Object(Paging, { additionalProperties: false }),
        response: { 200: PageOf(AnnouncementSchema), ...errorResponses }
      }
    },
    (request) => announcements.list(request.query.limit ?? 50, request.query.offset ?? 0)
  );
  app.post(
    "/announcements",
    {
      config: config3,
      schema: {
        tags,
        summary: "Create an announcement (its HTML is sanitized)",
        body: AnnouncementInputSchema,
        response: { 201: AnnouncementSchema, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(await announcements.create(request.body, actor(request), requestLocale(request)))
  );
  app.put(
    "/announcements/:id",
    {
      config: config3,
      schema: {
        tags,
        summary: "Change an announcement",
        params: IdParams,
        body: AnnouncementInputSchema,
        response: { 200: AnnouncementSchema, ...errorResponses }
      }
    },
    (request) => announcements.update(request.params.id, request.body, actor(request), requestLocale(request))
  );
  app.delete(
    "/announcements/:id",
    {
      config: config3,
      schema: {
        tags,
        summary: "Delete an announcement",
        params: IdParams,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await announcements.remove(request.params.id);
      return reply.status(204).send(null);
    }
  );
};

// server/src/modules/announcements/announcement-service.ts
import { randomUUID as randomUUID2 } from "node:crypto";
var columns = "id, title, body, severity, starts_at, ends_at, created_at, updated_at, created_by";
var iso = (value) => new Date(value).toISOString();
var view = (row) => ({
  id: row.id,
  title: row.title,
  body: row.body,
  severity: row.severity,
  startsAt: iso(row.starts_at),
  endsAt: row.ends_at === null ? null : iso(row.ends_at),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  createdBy: row.created_by
});
var pastDays = 30;
var AnnouncementService = class {
  constructor(db) {
    this.db = db;
  }
  db;
  /** Active now (started, not ended); with includePast also those that ended in the last 30 days. Newest first. */
  async current(includePast, limit) {
    const until = includePast ? `now() - interval '${pastDays} days'` : "now()";
    const rows = await this.db.query(
      `select ${columns} from announcement
       where starts_at <= now() and coalesce(ends_at, 'infinity') > ${until}
       order by starts_at desc, id limit ?`,
      [limit]
    );
    return { items: rows.map(view) };
  }
  /** Every announcement, scheduled ones included, newest start first. */
  async list(limit, offset) {
    const rows = await this.db.query(
      `select ${columns}, count(*) over () as total from announcement
       order by starts_at desc, id limit ? offset ?`,
      [limit, offset]
    );
    let total = Number(rows[0]?.total ?? 0);
    if (!rows.length && offset > 0) {
      const [counted2] = await this.db.query(
        "select count(*) as total from announcement"
      );
      total = Number(counted2?.total ?? 0);
    }
    return { items: rows.map(view), total, limit, offset };
  }
  async create(input, actor, locale) {
    const values = checked(input, locale);
    const [row] = await this.db.query(
      `insert into announcement (id, title, body, severity, starts_at, ends_at, created_by, updated_by)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning ${columns}`,
      [randomUUID2(), ...values, actor.name, actor.name]
    );
    return view(row);
  }
  async update(id, input, actor, locale) {
    const values = checked(input, locale);
    const [row] = await this.db.query(
      `update announcement set title = ?, body = ?, severity = ?, starts_at = ?, ends_at = ?,
         updated_at = now(), updated_by = ? where id = ? returning ${columns}`,
      [...values, actor.name, id]
    );
    if (!row) throw fail.notFound(`announcement ${id}`);
    return view(row);
  }
  async remove(id) {
    const rows = await this.db.query("delete from announcement where id = ? returning id", [id]);
    if (!rows.length) throw fail.notFound(`announcement ${id}`);
  }
};
function checked(input, locale) {
  const title = input.title.trim();
  if (!title)
    throw fail.validation([{ pointer: "/title", message: message(locale, "announcement_title_blank") }]);
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt <= startsAt)
    throw fail.validation([
      { pointer: "/endsAt", message: message(locale, "announcement_window"), code: "window" }
    ]);
  const body = sanitizeHtml(input.body ?? "");
  return [title, body, input.severity, startsAt.toISOString(), endsAt?.toISOString() ?? null];
}

// server/src/modules/announcements/index.ts
var announcementsModule = fp3(
  async (app) => {
    await app.register(announcementRoutes, {
      prefix: apiPrefix,
      announcements: new AnnouncementService(app.db)
    });
  },
  { name: "announcements", dependencies: ["auth"] }
);

// server/src/modules/answer-templates/index.ts
import fp4 from "fastify-plugin";

// server/src/modules/answer-templates/answer-template-routes.ts
import { Type as Type6 } from "@sinclair/typebox";

// server/src/modules/conversations/contact-centre.ts
var contactCentre = ["admin", "operator", "supervisor"];

// server/src/modules/answer-templates/answer-template-schemas.ts
import { Type as Type5 } from "@sinclair/typebox";
var LocalizedText = Type5.Object({ ru: Type5.String(), en: Type5.Optional(Type5.String()) });
var AnswerTemplateQuerySchema = Type5.Object(
  {
    q: Type5.Optional(Type5.String({ maxLength: 100 })),
    line: Type5.Optional(Type5.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" })),
    locale: Type5.Optional(LocaleSchema),
    limit: Type5.Optional(Type5.Integer({ minimum: 1, maximum: 50, default: 20 }))
  },
  { additionalProperties: false }
);
var AnswerTemplateSchema = Type5.Object({
  key: Type5.String(),
  version: Type5.Integer(),
  title: LocalizedText,
  text: LocalizedText,
  shortcut: Type5.Union([Type5.String(), Type5.Null()]),
  tags: Type5.Array(Type5.String()),
  lines: Type5.Array(Type5.String())
});

// server/src/modules/answer-templates/published-templates.ts
import { migrateDefinitionBody } from "@opora/runtime/definitions";
import { searchTemplates } from "@opora/runtime/templates";

// server/src/modules/definitions/published-of-kind.ts
async function publishedOfKind(db, kind, em) {
  const rows = await db.query(
    `select d.key, v.version, v.body
     from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
     where d.kind = ? and d.status <> 'archived' order by d.key`,
    [kind],
    em
  );
  return rows.map((row) => ({
    key: row.key,
    version: row.version,
    body: typeof row.body === "string" ? JSON.parse(row.body) : row.body
  }));
}

// server/src/modules/answer-templates/published-templates.ts
async function findAnswerTemplates(db, query) {
  const published = (await publishedOfKind(db, "template")).map(({ key: key2, version, body }) => {
    const lifted = migrateDefinitionBody("template", body);
    return {
      key: key2,
      version,
      title: lifted.title,
      text: lifted.text,
      shortcut: lifted.shortcut ?? null,
      tags: lifted.tags ?? [],
      lines: lifted.lines ?? []
    };
  });
  return searchTemplates(published, query);
}

// server/src/modules/answer-templates/answer-template-routes.ts
var answerTemplateRoutes = async (app) => {
  app.get(
    "/answer-templates",
    {
      config: { access: contactCentre },
      schema: {
        tags: ["conversations"],
        summary: "Published answer templates offered on a line (its own and those for every line), matching `q` in the shortcut, title, tags or text (case- and \u0451-insensitive); shortcut prefix matches first",
        querystring: AnswerTemplateQuerySchema,
        response: { 200: Type6.Object({ items: Type6.Array(AnswerTemplateSchema) }), ...errorResponses }
      }
    },
    async (request) => ({
      items: await findAnswerTemplates(app.db, {
        q: request.query.q,
        line: request.query.line,
        locale: request.query.locale ?? "ru",
        limit: request.query.limit ?? 20
      })
    })
  );
};

// server/src/modules/answer-templates/index.ts
var answerTemplatesModule = fp4(
  async (app) => {
    await app.register(answerTemplateRoutes, { prefix: apiPrefix });
  },
  { name: "answer-templates", dependencies: ["auth", "definitions"] }
);

// server/src/modules/auth/index.ts
import fp5 from "fastify-plugin";

// server/src/adapters/mail/log-transport.ts
var LogTransport = class {
  constructor(log) {
    this.log = log;
  }
  log;
  async send(message2) {
    this.log.warn(
      { mail: { to: message2.to, subject: message2.subject } },
      `MAIL NOT SENT (SMTP_URL is not set), written here instead \u2014 to ${message2.to}: ${message2.subject}
${message2.text}
--- end of mail ---`
    );
  }
};

// server/src/adapters/mail/mailer.ts
var Mailer = class {
  constructor(transport) {
    this.transport = transport;
  }
  transport;
  send(message2) {
    return this.transport.send(message2);
  }
  /** Replaces where mail goes (tests: an in-memory list); answers the previous transport. */
  useTransport(transport) {
    const previous = this.transport;
    this.transport = transport;
    return previous;
  }
};

// server/src/adapters/mail/smtp-transport.ts
import nodemailer from "nodemailer";
var SmtpTransport = class {
  transporter;
  from;
  constructor(smtpUrl) {
    const url = new URL(smtpUrl);
    this.from = url.searchParams.get("from") || `no-reply@${url.hostname}`;
    const secure = url.protocol === "smtps:";
    this.transporter = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {},
      connectionTimeout: 1e4,
      greetingTimeout: 1e4,
      socketTimeout: 3e4
    });
  }
  /** A permanent refusal (5xx: no such mailbox, sender not allowed) is given up on; anything else is retried. */
  async send(message2) {
    try {
      await this.transporter.sendMail({ from: this.from, ...message2 });
    } catch (error) {
      const code = error.responseCode;
      if (typeof code === "number" && code >= 500)
        throw new GiveUp(`the mail server refused the message for good (${code})`);
      throw error;
    }
  }
};

// server/src/adapters/mail/index.ts
function createMailer(smtpUrl, log) {
  return new Mailer(smtpUrl ? new SmtpTransport(smtpUrl) : new LogTransport(log));
}

// server/src/modules/auth/actor.ts
function allows(access, actor) {
  if (access === "public") return "ok";
  if (!actor) return "unauthenticated";
  if (access === "authenticated") return "ok";
  return actor.roles.some((role) => access.includes(role)) ? "ok" : "forbidden";
}

// server/src/modules/auth/identity-service.ts
import { randomUUID as randomUUID3 } from "node:crypto";

// server/src/db/entities/api-token.ts
import { EntitySchema } from "@mikro-orm/core";
var ApiTokenEntity = class {
  id;
  userId;
  name;
  tokenHash;
  createdAt;
  lastUsedAt = null;
};
var apiTokenSchema = new EntitySchema({
  class: ApiTokenEntity,
  tableName: "api_token",
  properties: {
    id: { type: "uuid", primary: true },
    userId: { type: "uuid" },
    name: { type: "text" },
    tokenHash: { type: "text", unique: true },
    createdAt: { type: "Date", columnType: "timestamptz" },
    lastUsedAt: { type: "Date", columnType: "timestamptz", nullable: true }
  }
});

// server/src/db/entities/session.ts
import { EntitySchema as EntitySchema2 } from "@mikro-orm/core";
var SessionEntity = class {
  id;
  userId;
  csrfToken;
  createdAt;
  expiresAt;
};
var sessionSchema = new EntitySchema2({
  class: SessionEntity,
  tableName: "session",
  properties: {
    id: { type: "text", primary: true },
    userId: { type: "uuid" },
    csrfToken: { type: "text" },
    createdAt: { type: "Date", columnType: "timestamptz" },
    expiresAt: { type: "Date", columnType: "timestamptz" }
  }
});

// server/src/db/entities/user.ts
import { EntitySchema as EntitySchema3 } from "@mikro-orm/core";
var UserEntity = class {
  id;
  login;
  name;
  email = null;
  passwordHash;
  roles = [];
  locale = "ru";
  active = true;
  createdAt;
  updatedAt;
};
var userSchema = new EntitySchema3({
  class: UserEntity,
  tableName: "app_user",
  properties: {
    id: { type: "uuid", primary: true },
    login: { type: "text", unique: true },
    name: { type: "text" },
    email: { type: "text", nullable: true },
    passwordHash: { type: "text" },
    roles: { type: "text[]" },
    locale: { type: "text" },
    active: { type: "boolean" },
    createdAt: { type: "Date", columnType: "timestamptz" },
    updatedAt: { type: "Date", columnType: "timestamptz" }
  }
});

// server/src/db/entities/audit-entry.ts
import { EntitySchema as EntitySchema4 } from "@mikro-orm/core";
var AuditEntryEntity = class {
  id;
  at;
  actorId = null;
  actorName = null;
  action;
  targetType;
  targetId;
  entity = null;
  before = null;
  after = null;
};
var auditEntrySchema = new EntitySchema4({
  class: AuditEntryEntity,
  tableName: "audit_log",
  properties: {
    id: { type: "bigint", primary: true, autoincrement: true },
    at: { type: "Date", columnType: "timestamptz" },
    actorId: { type: "text", nullable: true },
    actorName: { type: "text", nullable: true },
    action: { type: "text" },
    targetType: { type: "text" },
    targetId: { type: "text" },
    entity: { type: "text", nullable: true },
    before: { type: "json", nullable: true },
    after: { type: "json", nullable: true }
  }
});

// server/src/modules/audit/audit-log.ts
function audit(em, actor, input) {
  em.persist(
    Object.assign(new AuditEntryEntity(), {
      at: input.at,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      entity: input.entity ?? null,
      before: input.before ?? null,
      after: input.after ?? null
    })
  );
}
var auditView = (row) => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "" } : null,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  before: row.before,
  after: row.after
});

// server/src/modules/auth/secrets.ts
import { createHash as createHash2, randomBytes } from "node:crypto";
import argon2 from "argon2";
var hashPassword = (password) => argon2.hash(password, { type: argon2.argon2id });
async function verifyPassword(hash, password) {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
var newSecret = (prefix) => `${prefix}_${randomBytes(32).toString("base64url")}`;
var sha256 = (value) => createHash2("sha256").update(value).digest("hex");
var decoyHash;
var decoyPasswordHash = () => {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
};

// server/src/modules/auth/identity-service.ts
var sessionCookie = "opora_session";
var IdentityService = class {
  constructor(db, sessionTtlHours, clock) {
    this.db = db;
    this.sessionTtlHours = sessionTtlHours;
    this.clock = clock;
  }
  db;
  sessionTtlHours;
  clock;
  /** Returns the user when login and password match an active account; same timing either way. */
  async checkPassword(login, password) {
    const user = await this.db.em().findOne(UserEntity, { login });
    const ok = await verifyPassword(user?.passwordHash ?? await decoyPasswordHash(), password);
    return ok && user?.active ? user : null;
  }
  userById(id) {
    return this.db.em().findOne(UserEntity, { id });
  }
  async openSession(user) {
    const token2 = newSecret("os");
    const session = Object.assign(new SessionEntity(), {
      id: sha256(token2),
      userId: user.id,
      csrfToken: newSecret("csrf"),
      createdAt: dateOf(this.clock),
      expiresAt: new Date(this.clock.now() + this.sessionTtlHours * 36e5)
    });
    await this.db.em().persistAndFlush(session);
    return { token: token2, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }
  async closeSession(sessionId) {
    await this.db.em().nativeDelete(SessionEntity, { id: sessionId });
  }
  /**
   * The user's own password change: the current password is checked, and every other session of the account
   * ends (someone who knew the old password is signed out); the session making the change stays. API tokens
   * stay too: they are separate, named credentials the user revokes on the tokens page, and ending them on a
   * routine change would silently break integrations. Answers false when the current password is wrong.
   */
  async changePassword(actor, current, next) {
    const user = await this.userById(actor.id);
    if (!user || !await verifyPassword(user.passwordHash, current)) return false;
    const passwordHash = await hashPassword(next);
    await this.db.transaction((em) => this.replacePassword(em, actor, passwordHash, "changed"));
    return true;
  }
  /**
   * Sets the account's password hash and ends its sessions, in the caller's transaction, audited: all of them,
   * or all but the actor's own when the actor is signed in with a session (their own change). A reset by mail
   * passes an actor without a session, so every session ends.
   */
  async replacePassword(em, actor, passwordHash, how) {
    await em.nativeUpdate(UserEntity, { id: actor.id }, { passwordHash });
    await em.nativeDelete(SessionEntity, {
      userId: actor.id,
      ...actor.sessionId ? { id: { $ne: actor.sessionId } } : {}
    });
    audit(em, actor, {
      at: dateOf(this.clock),
      action: "update",
      targetType: "user",
      targetId: actor.id,
      after: { password: how }
    });
  }
  /** One query per request: the session joined to its (active) user. */
  async actorFromSession(token2) {
    const [row] = await this.db.query(
      `select u.id, u.login, u.name, u.roles, u.locale, s.id as session_id, s.csrf_token
       from session s join app_user u on u.id = s.user_id
       where s.id = ? and s.expires_at > now() and u.active`,
      [sha256(token2)]
    );
    return row ? { ...actorFromRow(row, "session"), sessionId: row.session_id, csrfToken: row.csrf_token } : null;
  }
  /** One query per request, plus a write of last use at most every few minutes (not on every call). */
  async actorFromToken(token2) {
    const [row] = await this.db.query(
      `select u.id, u.login, u.name, u.roles, u.locale, t.id as token_id,
              (t.last_used_at is null or t.last_used_at < now() - interval '5 minutes') as stale
       from api_token t join app_user u on u.id = t.user_id
       where t.token_hash = ? and u.active`,
      [sha256(token2)]
    );
    if (!row) return null;
    if (row.stale)
      await this.db.query("update api_token set last_used_at = now() where id = ?", [row.token_id]);
    return actorFromRow(row, "token");
  }
  async issueToken(userId, name) {
    const token2 = newSecret("opora");
    const item = Object.assign(new ApiTokenEntity(), {
      id: randomUUID3(),
      userId,
      name,
      tokenHash: sha256(token2),
      createdAt: dateOf(this.clock)
    });
    await this.db.em().persistAndFlush(item);
    return { token: token2, item };
  }
};
function actorFromRow(row, via) {
  const roles = Array.isArray(row.roles) ? row.roles : row.roles.replace(/^\{|\}$/g, "").split(",").filter(Boolean);
  return { id: row.id, login: row.login, name: row.name, roles, locale: row.locale, via };
}

// server/src/modules/auth/access-control.ts
var safeMethods = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS"]);
function registerAccessControl(app, identity) {
  app.decorateRequest("actor", null);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/v1")) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
    route.schema = { ...route.schema, ...accessDocs(access) };
    if (access === "public" && route.method !== "GET" && !route.config?.rateLimit)
      route.config = { ...route.config, rateLimit: { max: 30, timeWindow: "1 minute" } };
  });
  app.addHook("onRequest", async (request) => {
    request.actor = await authenticate(request, identity);
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const verdict = allows(access, request.actor);
    if (verdict === "unauthenticated") throw fail.unauthorized();
    if (verdict === "forbidden") throw fail.forbidden();
    const csrfChecked = request.routeOptions.config?.csrf !== "origin-checked";
    if (csrfChecked && request.actor?.via === "session" && !safeMethods.has(request.method)) {
      if (request.headers["x-csrf-token"] !== request.actor.csrfToken) throw fail.csrf();
    }
  });
}
async function authenticate(request, identity) {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return identity.actorFromToken(header.slice(7).trim());
  const cookie2 = request.cookies[sessionCookie];
  return cookie2 ? identity.actorFromSession(cookie2) : null;
}
function accessDocs(access) {
  if (access === "public") return { security: [], "x-roles": "public" };
  const security = [{ session: [] }, { bearer: [] }];
  return { security, "x-roles": access === "authenticated" ? "authenticated" : [...access] };
}

// server/src/modules/auth/account-tokens.ts
import { randomBytes as randomBytes2, randomUUID as randomUUID4 } from "node:crypto";
var AccountTokens = class {
  constructor(db, clock) {
    this.db = db;
    this.clock = clock;
  }
  db;
  clock;
  /**
   * A new token, in the caller's transaction; the account's earlier unused tokens of that purpose stop working.
   * The account's row stays locked until that transaction ends.
   */
  async issue(em, userId, purpose, ttlMs, email) {
    const token2 = randomBytes2(32).toString("base64url");
    await this.db.query("select id from app_user where id = ? for no key update", [userId], em);
    await this.db.query(
      "delete from account_token where user_id = ? and purpose = ? and used_at is null",
      [userId, purpose],
      em
    );
    await this.db.query(
      `insert into account_token (id, user_id, purpose, token_hash, email, expires_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID4(),
        userId,
        purpose,
        sha256(token2),
        email,
        new Date(this.clock.now() + ttlMs),
        dateOf(this.clock)
      ],
      em
    );
    return token2;
  }
  /**
   * Marks the token used, in the caller's transaction, and answers whose it was; null when it is unknown,
   * used, expired or for another purpose. The row is locked, so two uses at once cannot both succeed.
   */
  async consume(em, token2, purpose) {
    const now = dateOf(this.clock);
    const [row] = await this.db.query(
      `select id, user_id, email from account_token
       where token_hash = ? and purpose = ? and used_at is null and expires_at > ? for update`,
      [sha256(token2), purpose, now],
      em
    );
    if (!row) return null;
    await this.db.query("update account_token set used_at = ? where id = ?", [now, row.id], em);
    return { userId: row.user_id, email: row.email };
  }
};

// server/src/modules/auth/reset-texts.ts
function resetMail(to, user, link) {
  if (user.locale === "en")
    return {
      to,
      subject: "Password reset",
      text: [
        `Hello, ${user.name}!`,
        "",
        `Someone (probably you) asked to reset the password of the account "${user.login}".`,
        "To set a new password, open this link:",
        link,
        "",
        "The link works once, within one hour. If you did not ask for this, ignore this mail:",
        "your password stays as it is."
      ].join("\n")
    };
  return {
    to,
    subject: "\u0412\u043E\u0441\u0441\u0442\u0430\u043D\u043E\u0432\u043B\u0435\u043D\u0438\u0435 \u043F\u0430\u0440\u043E\u043B\u044F",
    text: [
      `\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435, ${user.name}!`,
      "",
      `\u041A\u0442\u043E-\u0442\u043E (\u0432\u0435\u0440\u043E\u044F\u0442\u043D\u043E, \u0432\u044B) \u043F\u043E\u043F\u0440\u043E\u0441\u0438\u043B \u0441\u0431\u0440\u043E\u0441\u0438\u0442\u044C \u043F\u0430\u0440\u043E\u043B\u044C \u0443\u0447\u0451\u0442\u043D\u043E\u0439 \u0437\u0430\u043F\u0438\u0441\u0438 \xAB${user.login}\xBB.`,
      "\u0427\u0442\u043E\u0431\u044B \u0437\u0430\u0434\u0430\u0442\u044C \u043D\u043E\u0432\u044B\u0439 \u043F\u0430\u0440\u043E\u043B\u044C, \u043E\u0442\u043A\u0440\u043E\u0439\u0442\u0435 \u0441\u0441\u044B\u043B\u043A\u0443:",
      link,
      "",
      "\u0421\u0441\u044B\u043B\u043A\u0430 \u0434\u0435\u0439\u0441\u0442\u0432\u0443\u0435\u0442 \u043E\u0434\u0438\u043D \u0447\u0430\u0441 \u0438 \u0442\u043E\u043B\u044C\u043A\u043E \u043E\u0434\u0438\u043D \u0440\u0430\u0437. \u0415\u0441\u043B\u0438 \u0432\u044B \u043D\u0435 \u043F\u0440\u043E\u0441\u0438\u043B\u0438 \u0441\u0431\u0440\u043E\u0441, \u043F\u0440\u043E\u0441\u0442\u043E \u043D\u0435 \u043E\u0431\u0440\u0430\u0449\u0430\u0439\u0442\u0435",
      "\u0432\u043D\u0438\u043C\u0430\u043D\u0438\u044F \u043D\u0430 \u044D\u0442\u043E \u043F\u0438\u0441\u044C\u043C\u043E: \u043F\u0430\u0440\u043E\u043B\u044C \u043E\u0441\u0442\u0430\u043D\u0435\u0442\u0441\u044F \u043F\u0440\u0435\u0436\u043D\u0438\u043C."
    ].join("\n")
  };
}
var tokenInvalidText = {
  ru: "\u0421\u0441\u044B\u043B\u043A\u0430 \u043D\u0435\u0434\u0435\u0439\u0441\u0442\u0432\u0438\u0442\u0435\u043B\u044C\u043D\u0430: \u043E\u043D\u0430 \u0443\u0441\u0442\u0430\u0440\u0435\u043B\u0430 \u0438\u043B\u0438 \u0443\u0436\u0435 \u0438\u0441\u043F\u043E\u043B\u044C\u0437\u043E\u0432\u0430\u043D\u0430. \u0417\u0430\u043F\u0440\u043E\u0441\u0438\u0442\u0435 \u043D\u043E\u0432\u0443\u044E.",
  en: "The link is no longer valid: it expired or was already used. Ask for a new one."
};

// server/src/modules/auth/password-reset.ts
var passwordResetJob = "auth.password-reset-mail";
var resetTtlMs = 36e5;
var PasswordReset = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  async request(login, origin) {
    const payload = { login: normalAddress(login), origin };
    await this.deps.queue.enqueue(passwordResetJob, payload, { maxAttempts: 5 });
  }
  /** The job: an active account whose login or e-mail matches gets a link; anyone else, nothing. */
  sendMail = async (payload, { em }) => {
    const { login, origin } = payload;
    if (typeof login !== "string" || typeof origin !== "string") return;
    const { db, tokens, mailer } = this.deps;
    const [account] = await db.query(
      `select id, login, name, email, locale, roles from app_user
       where active and email is not null and email <> '' and (lower(login) = ? or lower(email) = ?)
       order by (lower(login) = ?) desc limit 1`,
      [login, login, login],
      em
    );
    if (!account) return;
    const token2 = await tokens.issue(em, account.id, "password_reset", resetTtlMs, account.email);
    const link = `${origin}/account/reset?token=${encodeURIComponent(token2)}`;
    await mailer.send(resetMail(account.email, account, link));
  };
  /**
   * Sets the new password from a valid link, in one transaction: the token is used up, every session of the
   * account ends (whoever took it over is signed out), and the change is audited. False for a bad link.
   */
  async confirm(token2, password) {
    const { db, tokens, identity } = this.deps;
    const passwordHash = await hashPassword(password);
    return db.transaction(async (em) => {
      const used = await tokens.consume(em, token2, "password_reset");
      if (!used) return false;
      const [account] = await db.query(
        "select id, login, name, email, locale, roles from app_user where id = ? and active",
        [used.userId],
        em
      );
      if (!account) return false;
      const actor = {
        id: account.id,
        login: account.login,
        name: account.name,
        roles: [],
        locale: account.locale,
        via: "session"
      };
      await identity.replacePassword(em, actor, passwordHash, "reset");
      return true;
    });
  }
};
var normalAddress = (value) => value.trim().toLowerCase();

// server/src/modules/auth/password-reset-routes.ts
import { Type as Type7 } from "@sinclair/typebox";

// server/src/modules/auth/link-origin.ts
function linkOrigin(publicUrl, request) {
  if (publicUrl) return publicUrl;
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return "http://localhost";
  }
}

// server/src/modules/auth/password-reset-routes.ts
var tags2 = ["auth"];
var Accepted = Type7.Object({ accepted: Type7.Literal(true) });
var passwordResetRoutes = async (app, { reset, publicUrl, perIpLimit, perAccountLimit }) => {
  const accountLimiter = app.createRateLimit({
    max: perAccountLimit,
    timeWindow: "15 minutes",
    keyGenerator: (request) => `password-reset:${normalAddress(request.body?.login ?? "")}`
  });
  const perAccount = async (request) => {
    const limit = await accountLimiter(request);
    if (!limit.isAllowed && limit.isExceeded)
      throw new AppError(429, "rate_limited", "rate_limited", {
        seconds: Math.max(1, Math.ceil(limit.ttl / 1e3))
      });
  };
  app.post(
    "/auth/password-reset",
    {
      config: { access: "public", rateLimit: { max: perIpLimit, timeWindow: "1 minute" } },
      preHandler: perAccount,
      schema: {
        tags: tags2,
        summary: "Ask for a password-reset link by mail (login or e-mail)",
        description: "Always 202 with the same body, whether or not an account matches: the lookup and the mail happen in a background job. Limited per caller address and per login/e-mail (429).",
        body: Type7.Object(
          { login: Type7.String({ minLength: 1, maxLength: 200, pattern: "\\S" }) },
          { additionalProperties: false }
        ),
        response: { 202: Accepted, 400: ErrorResponse, 429: ErrorResponse }
      }
    },
    async (request, reply) => {
      await reset.request(request.body.login, linkOrigin(publicUrl, request));
      return reply.status(202).send({ accepted: true });
    }
  );
  app.post(
    "/auth/password-reset/confirm",
    {
      config: { access: "public", rateLimit: { max: perIpLimit, timeWindow: "1 minute" } },
      schema: {
        tags: tags2,
        summary: "Set a new password with the link from the mail; every session of the account ends",
        description: "400 with a detail at /token when the link is unknown, used or expired.",
        body: Type7.Object(
          {
            token: Type7.String({ minLength: 1, maxLength: 200 }),
            password: Type7.String({ minLength: 8, maxLength: 200 })
          },
          { additionalProperties: false }
        ),
        response: { 204: NoContent, 400: ErrorResponse, 429: ErrorResponse }
      }
    },
    async (request, reply) => {
      if (!await reset.confirm(request.body.token, request.body.password))
        throw fail.validation([
          { pointer: "/token", code: "token_invalid", message: tokenInvalidText[requestLocale(request)] }
        ]);
      return reply.status(204).send(null);
    }
  );
};

// server/src/modules/auth/session-routes.ts
import { Type as Type8 } from "@sinclair/typebox";

// server/src/modules/auth/user-view.ts
var userView = (user) => ({
  id: user.id,
  login: user.login,
  name: user.name,
  email: user.email,
  roles: user.roles,
  locale: user.locale,
  active: user.active,
  createdAt: user.createdAt.toISOString()
});

// server/src/modules/auth/session-routes.ts
var SessionSchema = Type8.Object({ user: UserSchema, csrfToken: Type8.String() });
var SessionStateSchema = Type8.Object({
  user: Type8.Union([UserSchema, Type8.Null()]),
  csrfToken: Type8.Optional(Type8.String())
});
var sessionRoutes = async (app, { identity, secureCookies, loginRateLimit }) => {
  app.post(
    "/auth/login",
    {
      config: { access: "public", rateLimit: { max: loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Sign in with login and password; sets the session cookie",
        body: Type8.Object(
          {
            login: Type8.String({ minLength: 1, maxLength: 200 }),
            password: Type8.String({ minLength: 1, maxLength: 1e3 })
          },
          { additionalProperties: false }
        ),
        response: { 200: SessionSchema, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse }
      }
    },
    async (request, reply) => {
      const user = await identity.checkPassword(request.body.login, request.body.password);
      if (!user) throw fail.invalidCredentials();
      const session = await identity.openSession(user);
      reply.setCookie(sessionCookie, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        expires: session.expiresAt
      });
      return { user: userView(user), csrfToken: session.csrfToken };
    }
  );
  app.post(
    "/auth/logout",
    { config: { access: "authenticated" }, schema: { tags: ["auth"], summary: "End the current session" } },
    async (request, reply) => {
      if (request.actor?.sessionId) await identity.closeSession(request.actor.sessionId);
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.status(204).send();
    }
  );
  app.post(
    "/auth/password",
    {
      config: { access: "authenticated", rateLimit: { max: loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Change my password; my other sessions end, this one stays (API tokens stay: revoke them apart)",
        body: Type8.Object(
          {
            currentPassword: Type8.String({ minLength: 1, maxLength: 1e3 }),
            newPassword: Type8.String({ minLength: 8, maxLength: 200 })
          },
          { additionalProperties: false }
        ),
        response: { 204: NoContent, ...errorResponses, 429: ErrorResponse }
      }
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      if (!await identity.changePassword(request.actor, currentPassword, newPassword))
        throw fail.wrongPassword(message(requestLocale(request), "wrong_current_password"));
      return reply.status(204).send(null);
    }
  );
  app.get(
    "/auth/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user and the CSRF token",
        response: { 200: SessionSchema, 401: ErrorResponse }
      }
    },
    async (request) => {
      const actor = request.actor;
      const user = await identity.userById(actor.id);
      if (!user) throw fail.unauthorized();
      return { user: userView(user), csrfToken: actor.csrfToken ?? "" };
    }
  );
  app.get(
    "/auth/session",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Who is signed in: the user and the CSRF token, or `user: null` for a visitor (never 401)",
        response: { 200: SessionStateSchema }
      }
    },
    async (request, reply) => {
      const actor = request.actor;
      const user = actor ? await identity.userById(actor.id) : null;
      if (!actor || !user) {
        if (request.cookies[sessionCookie]) reply.clearCookie(sessionCookie, { path: "/" });
        return { user: null };
      }
      return { user: userView(user), csrfToken: actor.csrfToken ?? "" };
    }
  );
};

// server/src/modules/auth/token-routes.ts
import { Type as Type9 } from "@sinclair/typebox";

// server/src/modules/auth/roles.ts
var canDesign = ["admin", "analyst", "developer"];
var staff = ["admin", "analyst", "developer", "operator", "supervisor"];
var adminOnly = ["admin"];
var canAudit = ["admin", "supervisor"];

// server/src/modules/auth/token-routes.ts
var TokenSchema = Type9.Object({
  id: Type9.String(),
  name: Type9.String(),
  createdAt: Type9.String(),
  lastUsedAt: Type9.Union([Type9.String(), Type9.Null()])
});
var tokenView = (t) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null
});
var tokenRoutes = async (app, { db, identity }) => {
  app.get(
    "/tokens",
    {
      config: { access: staff },
      schema: {
        tags: ["auth"],
        summary: "My API tokens",
        response: { 200: Type9.Object({ items: Type9.Array(TokenSchema) }), ...errorResponses }
      }
    },
    async (request) => {
      const rows = await db.em().find(ApiTokenEntity, { userId: request.actor.id }, { orderBy: { createdAt: "desc" } });
      return { items: rows.map(tokenView) };
    }
  );
  app.post(
    "/tokens",
    {
      config: { access: staff },
      schema: {
        tags: ["auth"],
        summary: "Issue an API token (the secret is shown once)",
        body: Type9.Object(
          { name: Type9.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false }
        ),
        response: { 201: Type9.Object({ token: Type9.String(), item: TokenSchema }), ...errorResponses }
      }
    },
    async (request, reply) => {
      const { token: token2, item } = await identity.issueToken(request.actor.id, request.body.name);
      return reply.status(201).send({ token: token2, item: tokenView(item) });
    }
  );
  app.delete(
    "/tokens/:id",
    {
      config: { access: staff },
      schema: {
        tags: ["auth"],
        summary: "Revoke an API token",
        params: IdParams,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      const deleted = await db.em().nativeDelete(ApiTokenEntity, { id: request.params.id, userId: request.actor.id });
      if (!deleted) throw fail.notFound(`token ${request.params.id}`);
      return reply.status(204).send(null);
    }
  );
};

// server/src/modules/auth/index.ts
var authModule = fp5(
  async (app) => {
    const identity = new IdentityService(app.db, app.settings.sessionTtlHours, app.clock);
    app.decorate("identity", identity);
    registerAccessControl(app, identity);
    await app.register(sessionRoutes, {
      prefix: apiPrefix,
      identity,
      secureCookies: app.settings.secureCookies,
      loginRateLimit: app.settings.loginRateLimit
    });
    await app.register(tokenRoutes, { prefix: apiPrefix, db: app.db, identity });
    const mailer = createMailer(app.settings.smtpUrl, app.log);
    const tokens = new AccountTokens(app.db, app.clock);
    app.decorate("mailer", mailer);
    app.decorate("accountTokens", tokens);
    const reset = new PasswordReset({ db: app.db, queue: app.jobQueue, tokens, mailer, identity });
    app.jobWorker.registerHandler(passwordResetJob, reset.sendMail);
    const loginLimit = app.settings.loginRateLimit;
    await app.register(passwordResetRoutes, {
      prefix: apiPrefix,
      reset,
      publicUrl: app.settings.publicUrl,
      perIpLimit: loginLimit,
      perAccountLimit: Math.max(1, Math.ceil(loginLimit / 2))
    });
    app.recurringJobs.add("sessions.purge-expired", "17 3 * * *", async (_payload, { em }) => {
      await app.db.query("delete from session where expires_at < now()", [], em);
    });
    app.recurringJobs.add("account-tokens.purge-expired", "27 3 * * *", async (_payload, { em }) => {
      await app.db.query("delete from account_token where expires_at < now() - interval '1 day'", [], em);
    });
  },
  { name: "auth", dependencies: ["adapters", "http-platform"] }
);

// server/src/modules/bots/index.ts
import fp6 from "fastify-plugin";

// server/src/modules/bots/bot-publishing.ts
import { botProblems } from "@opora/runtime/definitions";
function botPublishing() {
  return {
    async check(body, locale, _tx, target) {
      const bot = body;
      const seen = new Set(botProblems(bot, locale).map((p) => `${p.code} ${p.pointer}`));
      return botProblems(bot, locale, target.key).filter((p) => !seen.has(`${p.code} ${p.pointer}`)).map((p) => ({ pointer: p.pointer, code: p.code, message: p.message }));
    }
  };
}

// server/src/modules/bots/bot-routes.ts
import { Type as Type11 } from "@sinclair/typebox";

// server/src/modules/conversations/rows.ts
var iso2 = (value) => new Date(value).toISOString();
var isoOrNull = (value) => value == null ? null : iso2(value);
var textOrNull = (value) => value == null ? null : String(value);
var parsed = (value) => typeof value === "string" ? JSON.parse(value) : value;
var conversationView = (row) => ({
  id: String(row.id),
  channel: row.channel,
  channelKey: String(row.channel_key),
  lineKey: textOrNull(row.line_key),
  contactId: String(row.contact_id),
  clientRecordId: textOrNull(row.client_record_id),
  requestRecordId: textOrNull(row.request_record_id),
  subject: textOrNull(row.subject),
  status: row.status,
  handler: row.handler,
  operatorId: textOrNull(row.operator_id),
  messageCount: Number(row.message_count),
  openedAt: iso2(row.opened_at),
  lastMessageAt: iso2(row.last_message_at),
  firstResponseAt: isoOrNull(row.first_response_at),
  resolvedAt: isoOrNull(row.resolved_at),
  closedAt: isoOrNull(row.closed_at)
});
var messageView = (row) => ({
  id: String(row.id),
  conversationId: String(row.conversation_id),
  seq: Number(row.seq),
  direction: row.direction,
  authorKind: row.author_kind,
  authorUserId: textOrNull(row.author_user_id),
  internal: Boolean(row.internal),
  text: String(row.text),
  parts: parsed(row.parts),
  attachments: parsed(row.attachments),
  clientMessageId: textOrNull(row.client_message_id),
  externalId: textOrNull(row.external_id),
  delivery: row.delivery ?? null,
  deliveryError: textOrNull(row.delivery_error),
  createdAt: iso2(row.created_at)
});
var contactView = (row) => ({
  id: String(row.id),
  channel: row.channel,
  channelKey: String(row.channel_key),
  externalId: String(row.external_id),
  displayName: textOrNull(row.display_name),
  email: textOrNull(row.email),
  phone: textOrNull(row.phone),
  clientRecordId: textOrNull(row.client_record_id)
});

// server/src/modules/bots/bot-resume.ts
import { returnToBot } from "@opora/runtime/bots";

// server/src/modules/conversations/outbound.ts
import { randomUUID as randomUUID5 } from "node:crypto";
async function lockConversation(db, tx, id) {
  const [row] = await db.query(
    "select * from conversation where id = ? for update",
    [id],
    tx
  );
  if (!row) throw fail.notFound("conversation");
  return conversationView(row);
}
async function appendOutbound(db, tx, conversation, input, actor, now) {
  if (input.clientMessageId) {
    const [earlier] = await db.query(
      "select * from message where conversation_id = ? and client_message_id = ?",
      [conversation.id, input.clientMessageId],
      tx
    );
    if (earlier) return { message: messageView(earlier), repeated: true };
  }
  const internal = input.internal === true;
  const [row] = await db.query(
    `insert into message (id, conversation_id, direction, author_kind, author_user_id, internal, text, parts,
       attachments, client_message_id, delivery, created_at)
     values (?, ?, 'out', ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) returning *`,
    [
      randomUUID5(),
      conversation.id,
      input.authorKind,
      actor?.id ?? null,
      internal,
      input.message.text,
      JSON.stringify(input.message.parts),
      JSON.stringify(input.message.attachments),
      input.clientMessageId ?? null,
      internal ? null : "queued",
      now
    ],
    tx
  );
  if (!row) throw new Error("message insert returned no row");
  const firstResponse = !internal && input.authorKind === "operator" && !conversation.firstResponseAt;
  await db.query(
    `update conversation set message_count = message_count + 1, last_message_at = ?,
       first_response_at = case when ? then ? else first_response_at end
     where id = ?`,
    [now, firstResponse, now, conversation.id],
    tx
  );
  const message2 = messageView(row);
  audit(tx, actor, {
    action: "create",
    targetType: "message",
    targetId: message2.id,
    after: { conversationId: conversation.id, authorKind: input.authorKind, internal },
    at: now
  });
  return { message: message2, repeated: false };
}

// server/src/adapters/live-hub/live-address.ts
var liveAddress = {
  /** Every socket of a signed-in user (staff or portal client). */
  user: (userId) => `user:${userId}`,
  /** The chat widget of one anonymous or signed-in visitor. */
  visitor: (visitorId) => `visitor:${visitorId}`,
  /** Everyone who has a conversation open on screen. */
  conversation: (conversationId) => `conversation:${conversationId}`,
  /** Staff serving a line: its queue changed (a dialog joined, was taken, transferred or returned). */
  line: (lineKey) => `line:${lineKey}`,
  /** Operators, supervisors and admins: new conversations and messages for the work screen's list. */
  contactCentre: "room:contact-centre",
  /** Supervisors and admins: their board changed in a way no conversation event tells (an operator's status). */
  supervisors: "room:supervisors"
};

// server/src/modules/distribution/assignment-push.ts
async function pushAssignment(hub, tx, conversation, operators, lineKeys = [conversation.lineKey]) {
  const to = [liveAddress.contactCentre, liveAddress.conversation(conversation.id)];
  for (const id of operators) if (id) to.push(liveAddress.user(id));
  for (const key2 of lineKeys) if (key2) to.push(liveAddress.line(key2));
  const push = { type: "conversation", conversation };
  await hub.send(tx, to, push);
}

// server/src/modules/distribution/distribution-signal.ts
var distributionChannel = "opora_distribute";
var distributionLockId = 731016;
async function lockDistribution(db, tx) {
  await db.query("select pg_advisory_xact_lock(?)", [distributionLockId], tx);
}
async function requestDistribution(db, tx) {
  await db.query("select pg_notify(?, ?)", [distributionChannel, ""], tx);
}

// server/src/modules/bots/session-rows.ts
import { randomUUID as randomUUID6 } from "node:crypto";
var sessionRow = (row) => ({
  id: String(row.id),
  conversationId: String(row.conversation_id),
  botKey: String(row.bot_key),
  botVersion: Number(row.bot_version),
  state: typeof row.state === "string" ? JSON.parse(row.state) : row.state,
  status: row.status,
  handledSeq: Number(row.handled_seq),
  updatedAt: new Date(row.updated_at).toISOString()
});
async function activeSession(db, tx, conversationId) {
  const [row] = await db.query(
    `select * from bot_session where conversation_id = ? and status = 'active'`,
    [conversationId],
    tx
  );
  return row ? sessionRow(row) : null;
}
async function latestSession(db, tx, conversationId) {
  const [row] = await db.query(
    `select * from bot_session where conversation_id = ?
      order by (status = 'active') desc, created_at desc, id limit 1`,
    [conversationId],
    tx
  );
  return row ? sessionRow(row) : null;
}
async function sessionById(db, tx, id) {
  const [row] = await db.query("select * from bot_session where id = ?", [id], tx);
  return row ? sessionRow(row) : null;
}
async function insertSession(db, tx, input, now) {
  const [row] = await db.query(
    `insert into bot_session (id, conversation_id, bot_key, bot_version, state, status, handled_seq, created_at,
       updated_at)
     values (?, ?, ?, ?, ?::jsonb, 'active', ?, ?, ?) returning *`,
    [
      randomUUID6(),
      input.conversationId,
      input.state.botKey,
      input.state.botVersion,
      JSON.stringify(input.state),
      input.handledSeq,
      now,
      now
    ],
    tx
  );
  return sessionRow(row);
}
async function saveSession(db, tx, session, change, now) {
  const state = change.state ?? session.state;
  const handledSeq = Math.max(session.handledSeq, change.handledSeq ?? 0);
  const status = change.status ?? session.status;
  await db.query(
    "update bot_session set state = ?::jsonb, handled_seq = ?, status = ?, updated_at = ? where id = ?",
    [JSON.stringify(state), handledSeq, status, now, session.id],
    tx
  );
  return { ...session, state, handledSeq, status, updatedAt: now.toISOString() };
}
async function endSessions(db, tx, conversationId, now) {
  await db.query(
    `update bot_session set status = 'ended', updated_at = ? where conversation_id = ? and status = 'active'`,
    [now, conversationId],
    tx
  );
}

// server/src/modules/bots/session-step.ts
import { startBot, stepBot } from "@opora/runtime/bots";

// server/src/modules/bots/bot-timers.ts
var botTimerJobName = "bot.timer";
async function scheduleTimer(deps, tx, session, effect) {
  await cancelTimer(deps, tx, session, effect.key);
  await deps.jobs.enqueue(
    botTimerJobName,
    {
      sessionId: session.id,
      conversationId: session.conversationId,
      key: effect.key,
      event: effect.event
    },
    {
      runAt: new Date(effect.at),
      idempotencyKey: `${session.id}:${effect.key}:${effect.at}`,
      maxAttempts: 5
    },
    tx
  );
}
async function cancelTimer(deps, tx, session, key2) {
  await deps.db.query(
    `delete from job where name = ? and status = 'pending' and payload->>'sessionId' = ? and payload->>'key' = ?`,
    [botTimerJobName, session.id, key2],
    tx
  );
}

// server/src/modules/bots/effect-requests.ts
var botEffectJobName = "bot.effect";
var isRequest = (effect) => "requestId" in effect;
async function requestEffect(deps, tx, session, effect) {
  await deps.jobs.enqueue(
    botEffectJobName,
    {
      sessionId: session.id,
      conversationId: session.conversationId,
      locale: session.state.locale,
      effect
    },
    { idempotencyKey: `bot.effect:${session.id}:${effect.requestId}`, maxAttempts: 3 },
    tx
  );
}

// server/src/modules/bots/hand-to-queue.ts
async function handToQueue(deps, tx, conversation, lineKey, note) {
  const { db } = deps;
  const now = dateOf(deps.clock);
  const line = (lineKey ? await deps.lines.get(lineKey, tx) : null) ?? (conversation.lineKey ? await deps.lines.get(conversation.lineKey, tx) : null);
  const [row] = await db.query(
    `update conversation set handler = 'queue', line_key = coalesce(?, line_key), priority = ?,
       queued_at = coalesce(queued_at, ?), operator_id = null, assigned_at = null
      where id = ? returning *`,
    [line?.key ?? null, line?.body.priority ?? 0, now, conversation.id],
    tx
  );
  const queued = conversationView(row);
  audit(tx, null, {
    action: "update",
    targetType: "conversation",
    targetId: conversation.id,
    before: { handler: conversation.handler, lineKey: conversation.lineKey },
    after: { handler: "queue", lineKey: queued.lineKey, handedOverBy: "bot" },
    at: now
  });
  if (note)
    await deps.conversations.answerWithin(
      tx,
      conversation.id,
      { authorKind: "bot", internal: true, message: { text: note, parts: [], attachments: [] } },
      null
    );
  await pushAssignment(deps.hub, tx, queued, [], [conversation.lineKey, queued.lineKey]);
  await requestDistribution(db, tx);
  return queued;
}
async function lineIsStaffed(deps, tx, lineKey) {
  const line = lineKey ? await deps.lines.get(lineKey, tx) : null;
  return line !== null && line.body.botOnly !== true;
}

// server/src/modules/bots/queue-position.ts
var texts = {
  ru: {
    first: "\u0412\u044B \u043F\u0435\u0440\u0432\u044B\u0439 \u0432 \u043E\u0447\u0435\u0440\u0435\u0434\u0438 \u2014 \u043E\u043F\u0435\u0440\u0430\u0442\u043E\u0440 \u0441\u043A\u043E\u0440\u043E \u043E\u0442\u0432\u0435\u0442\u0438\u0442.",
    behind: "\u0412\u044B \u0432 \u043E\u0447\u0435\u0440\u0435\u0434\u0438, \u043F\u0435\u0440\u0435\u0434 \u0432\u0430\u043C\u0438 \u0434\u0438\u0430\u043B\u043E\u0433\u043E\u0432: {n}."
  },
  en: {
    first: "You are first in the queue \u2014 an operator will answer soon.",
    behind: "You are in the queue; dialogs ahead of you: {n}."
  }
};
async function tellQueuePosition(deps, tx, conversation, locale) {
  if (conversation.handler !== "queue" || !conversation.lineKey) return;
  const [ahead] = await deps.db.query(
    `select count(*) as n from conversation c, (select queued_at, id from conversation where id = ?) me
      where c.line_key = ? and c.status = 'open' and c.handler = 'queue' and c.queued_at is not null
        and (c.queued_at < me.queued_at or (c.queued_at = me.queued_at and c.id < me.id))`,
    [conversation.id, conversation.lineKey],
    tx
  );
  const n = Number(ahead?.n ?? 0);
  const say = texts[locale];
  const text2 = n === 0 ? say.first : say.behind.replace("{n}", () => String(n));
  await deps.conversations.answerWithin(
    tx,
    conversation.id,
    { authorKind: "system", message: { text: text2, parts: [], attachments: [] } },
    null
  );
}

// server/src/modules/bots/session-step.ts
var maxJumpsPerTurn = 5;
async function feed(deps, tx, conversation, session, event, handledSeq) {
  const bot = await deps.bots.pinned(session.botKey, session.botVersion, tx);
  if (!bot) return saveSession(deps.db, tx, session, { status: "ended", handledSeq }, dateOf(deps.clock));
  const step = stepBot(bot, session.state, event, deps.clock);
  return applyStep(deps, tx, conversation, session, step, { handledSeq, event });
}
async function applyStep(deps, tx, conversation, session, step, options4 = {}) {
  const now = dateOf(deps.clock);
  if (step.refused) {
    const saved2 = await saveSession(deps.db, tx, session, { handledSeq: options4.handledSeq }, now);
    if (options4.event?.type === "message" && session.state.status === "ended")
      await toPeopleIfStaffed(deps, tx, conversation, "\u0411\u043E\u0442 \u0437\u0430\u043A\u043E\u043D\u0447\u0438\u043B \u0440\u0430\u0437\u0433\u043E\u0432\u043E\u0440, \u0430 \u043A\u043B\u0438\u0435\u043D\u0442 \u043F\u0438\u0448\u0435\u0442 \u0434\u0430\u043B\u044C\u0448\u0435.");
    return saved2;
  }
  const saved = await saveSession(
    deps.db,
    tx,
    session,
    { state: step.state, handledSeq: options4.handledSeq },
    now
  );
  return carryOut(deps, tx, conversation, saved, step.effects, options4.jumps ?? 0);
}
async function carryOut(deps, tx, conversation, session, effects, jumps) {
  let current = session;
  let dialog = conversation;
  for (const [index, effect] of effects.entries()) {
    if (isRequest(effect)) await requestEffect(deps, tx, session, effect);
    else if (effect.type === "send") await send2(deps, tx, dialog, session, effect, index);
    else if (effect.type === "scheduleTimer") await scheduleTimer(deps, tx, session, effect);
    else if (effect.type === "cancelTimer") await cancelTimer(deps, tx, session, effect.key);
    else if (effect.type === "handOver") {
      dialog = await handToQueue(deps, tx, dialog, effect.line, summaryNote(effect.summary));
      await tellQueuePosition(deps, tx, dialog, session.state.locale);
    } else if (effect.type === "jumpToBot") current = await jump(deps, tx, dialog, session, effect, jumps);
    else if (effect.type === "ended" && effect.reason === "error")
      await toPeopleIfStaffed(
        deps,
        tx,
        dialog,
        `\u0411\u043E\u0442 \u043E\u0441\u0442\u0430\u043D\u043E\u0432\u0438\u043B\u0441\u044F \u0441 \u043E\u0448\u0438\u0431\u043A\u043E\u0439 \u0432 \u0431\u043B\u043E\u043A\u0435 \xAB${effect.blockId}\xBB: ${effect.message ?? ""}`.trim()
      );
  }
  return current;
}
async function send2(deps, tx, conversation, session, effect, index) {
  const parts = effect.buttons?.length ? [{ type: "buttons", buttons: effect.buttons }] : [];
  await deps.conversations.answerWithin(
    tx,
    conversation.id,
    {
      authorKind: "bot",
      message: { text: effect.text, parts, attachments: effect.attachments ?? [] },
      // A step carried out again (a retried job) stores nothing new.
      clientMessageId: `bot:${session.id}:${session.state.turn}:${index}`
    },
    null
  );
}
function summaryNote(summary3) {
  const lines = summary3.filter((item) => item.value.trim() !== "").map((item) => `${item.label}: ${item.value}`);
  return ["\u0411\u043E\u0442 \u043F\u0435\u0440\u0435\u0434\u0430\u043B \u0434\u0438\u0430\u043B\u043E\u0433 \u043E\u043F\u0435\u0440\u0430\u0442\u043E\u0440\u0443.", ...lines].join("\n").slice(0, 8e3);
}
async function jump(deps, tx, conversation, session, effect, jumps) {
  const now = dateOf(deps.clock);
  const ended = await saveSession(deps.db, tx, session, { status: "ended" }, now);
  const bot = jumps < maxJumpsPerTurn ? await deps.bots.latest(effect.bot, tx) : null;
  if (!bot) {
    await toPeopleIfStaffed(
      deps,
      tx,
      conversation,
      `\u0411\u043E\u0442 \xAB${effect.bot}\xBB \u043D\u0435 \u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D: \u0434\u0438\u0430\u043B\u043E\u0433 \u043D\u0435 \u043F\u0440\u043E\u0434\u043E\u043B\u0436\u0438\u0442\u044C.`
    );
    return ended;
  }
  const state = startBot(bot, { locale: session.state.locale });
  const next = await insertSession(
    deps.db,
    tx,
    { conversationId: conversation.id, state, handledSeq: session.handledSeq },
    now
  );
  const event = { type: "jump", fromBot: session.botKey, variables: effect.variables };
  return applyStep(deps, tx, conversation, next, stepBot(bot, state, event, deps.clock), {
    jumps: jumps + 1
  });
}
async function toPeopleIfStaffed(deps, tx, conversation, note) {
  if (conversation.handler !== "bot" || !await lineIsStaffed(deps, tx, conversation.lineKey)) return;
  await handToQueue(deps, tx, conversation, conversation.lineKey, note);
}

// server/src/modules/bots/session-view.ts
import { Type as Type10 } from "@sinclair/typebox";
var BotSessionSchema = Type10.Object({
  id: Type10.String(),
  bot: Type10.Object({ key: Type10.String(), version: Type10.Integer() }),
  /** `active` while the session may be stepped; `ended` once it jumped to another bot or the dialog closed. */
  status: Type10.Union([Type10.Literal("active"), Type10.Literal("ended")]),
  /** The engine's own status: idle, waiting, handedOver (waits for an operator to hand back), ended. */
  state: Type10.Union(["idle", "waiting", "handedOver", "ended"].map((s) => Type10.Literal(s))),
  /** The block the session is at (the one it waits at, or the last one run). */
  block: Type10.Union([Type10.String(), Type10.Null()]),
  waiting: Type10.Union([
    Type10.Object({ kind: Type10.String(), blockId: Type10.String(), attempt: Type10.Integer() }),
    Type10.Null()
  ]),
  variables: Type10.Record(Type10.String(), Type10.Unknown()),
  /** Whether the bot answers the dialog now; false while an operator or a queue has it. */
  paused: Type10.Boolean(),
  error: Type10.Optional(Type10.Object({ blockId: Type10.String(), message: Type10.String() })),
  updatedAt: Type10.String({ format: "date-time" })
});
function sessionView(session, paused) {
  const { state } = session;
  return {
    id: session.id,
    bot: { key: session.botKey, version: session.botVersion },
    status: session.status,
    state: state.status,
    block: state.block,
    waiting: state.waiting ? { kind: state.waiting.kind, blockId: state.waiting.blockId, attempt: state.waiting.attempt } : null,
    variables: state.variables,
    paused,
    ...state.error ? { error: state.error } : {},
    updatedAt: session.updatedAt
  };
}

// server/src/modules/bots/bot-resume.ts
var noSession = () => new AppError(409, "bot_session_missing", "bot_session_missing");
var overseer = (actor) => actor.roles.some((role) => role === "supervisor" || role === "admin");
var dialogClosed = () => new AppError(409, "dialog_closed", "dialog_closed");
function resumeBot(deps, conversationId, blockId, actor) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    await lockDistribution(db, tx);
    const dialog = await lockConversation(db, tx, conversationId);
    if (dialog.status !== "open") throw dialogClosed();
    if (dialog.handler === "operator" && dialog.operatorId !== actor.id && !overseer(actor))
      throw new AppError(403, "forbidden", "dialog_held_by_other");
    const session = await activeSession(db, tx, conversationId);
    const bot = session ? await deps.bots.pinned(session.botKey, session.botVersion, tx) : null;
    if (!session || !bot) throw noSession();
    const block = blockId ?? session.state.waiting?.blockId ?? session.state.block ?? "";
    const step = returnToBot(bot, session.state, block, deps.clock);
    if (step.refused)
      throw new AppError(409, "bot_block_refused", "bot_block_refused", { block, reason: step.refused });
    const now = dateOf(deps.clock);
    const [row] = await db.query(
      `update conversation set handler = 'bot', operator_id = null, queued_at = null, assigned_at = null,
         last_operator_id = coalesce(operator_id, last_operator_id)
        where id = ? returning *`,
      [conversationId],
      tx
    );
    const resumed = conversationView(row);
    audit(tx, actor, {
      action: "update",
      targetType: "conversation",
      targetId: conversationId,
      before: { handler: dialog.handler, operatorId: dialog.operatorId },
      after: { handler: "bot", operatorId: null, botBlock: block },
      at: now
    });
    const [seen] = await db.query(
      `select max(seq) as seq from message where conversation_id = ? and direction = 'in'`,
      [conversationId],
      tx
    );
    const after = await applyStep(deps, tx, resumed, session, step, { handledSeq: Number(seen?.seq ?? 0) });
    await pushAssignment(deps.hub, tx, resumed, [dialog.operatorId]);
    await requestDistribution(db, tx);
    return sessionView(after, false);
  });
}

// server/src/modules/bots/session-start.ts
import { startBot as startBot2 } from "@opora/runtime/bots";

// server/src/modules/distribution/client-language.ts
function clientLanguage(text2) {
  if (/[а-яё]/i.test(text2)) return "ru";
  return /[a-z]/i.test(text2) ? "en" : "ru";
}
function inLanguage(text2, language) {
  return language === "en" && text2.en || text2.ru;
}

// server/src/modules/bots/session-start.ts
async function startSession(deps, tx, conversation, firstSeq, firstText) {
  const line = conversation.lineKey ? await deps.lines.get(conversation.lineKey, tx) : null;
  const bot = line?.body.bot ? await deps.bots.latest(line.body.bot, tx) : null;
  if (!bot) return null;
  const [contact] = await deps.db.query("select display_name, email, phone from contact where id = ?", [conversation.contactId], tx);
  const state = startBot2(bot, {
    locale: clientLanguage(firstText),
    variables: {
      client: { name: contact?.display_name ?? "", email: contact?.email ?? "", phone: contact?.phone ?? "" }
    }
  });
  const session = await insertSession(
    deps.db,
    tx,
    { conversationId: conversation.id, state, handledSeq: firstSeq - 1 },
    dateOf(deps.clock)
  );
  return feed(deps, tx, conversation, session, { type: "dialogOpened" });
}

// server/src/modules/bots/turn-job.ts
var botTurnJobName = "bot.turn";
var botTurnKey = (conversationId, messageId) => `bot.turn:${conversationId}:${messageId}`;
var turnBatch = 50;
var botHolds = (conversation) => conversation.status === "open" && conversation.handler === "bot";
function botTurnJob(deps) {
  return async (payload, { em }) => {
    const { conversationId, messageId } = payload;
    const { db } = deps;
    const locked = await lockConversation(db, em, conversationId);
    if (!botHolds(locked)) return;
    let session = await activeSession(db, em, conversationId);
    let opening = null;
    if (!session) {
      const [first] = await db.query(
        "select * from message where id = ?",
        [messageId],
        em
      );
      if (!first) return;
      const message2 = messageView(first);
      session = await startSession(deps, em, locked, message2.seq, message2.text);
      opening = message2.id;
      if (!session) {
        if (await lineIsStaffed(deps, em, locked.lineKey))
          await handToQueue(
            deps,
            em,
            locked,
            locked.lineKey,
            "\u0411\u043E\u0442 \u043B\u0438\u043D\u0438\u0438 \u043D\u0435 \u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D: \u0434\u0438\u0430\u043B\u043E\u0433 \u0436\u0434\u0451\u0442 \u043E\u043F\u0435\u0440\u0430\u0442\u043E\u0440\u0430."
          );
        return;
      }
    }
    const messages = await unhandledMessages(db, em, conversationId, session.handledSeq);
    for (const message2 of messages) {
      const conversation = await currentConversation(db, em, conversationId);
      if (!botHolds(conversation) || session.status !== "active") {
        session = await saveSession(db, em, session, { handledSeq: message2.seq }, dateOf(deps.clock));
        continue;
      }
      const before = session;
      session = await feed(deps, em, conversation, session, messageEvent(message2), message2.seq);
      if (message2.id !== opening && finishedAndRefused(before, session) && botHolds(await currentConversation(db, em, conversationId)))
        session = await startAfresh(deps, em, conversation, session, message2);
    }
    const last = messages.at(-1);
    if (messages.length === turnBatch && last)
      await deps.jobs.enqueue(
        botTurnJobName,
        { conversationId, messageId: last.id },
        { idempotencyKey: `${botTurnKey(conversationId, last.id)}:more` },
        em
      );
  };
}
var finishedAndRefused = (before, after) => before.state.status === "ended" && after.id === before.id && after.state.turn === before.state.turn;
async function startAfresh(deps, tx, conversation, ended, message2) {
  await saveSession(deps.db, tx, ended, { status: "ended" }, dateOf(deps.clock));
  const fresh = await startSession(deps, tx, conversation, message2.seq, message2.text);
  if (!fresh) return ended;
  return feed(deps, tx, conversation, fresh, messageEvent(message2), message2.seq);
}
async function unhandledMessages(db, tx, conversationId, after) {
  const rows = await db.query(
    `select * from message where conversation_id = ? and direction = 'in' and seq > ? order by seq limit ?`,
    [conversationId, after, turnBatch],
    tx
  );
  return rows.map(messageView);
}
async function currentConversation(db, tx, id) {
  const [row] = await db.query("select * from conversation where id = ?", [id], tx);
  return conversationView(row);
}
var messageEvent = (message2) => ({
  type: "message",
  text: message2.text,
  ...message2.attachments.length ? { attachments: message2.attachments } : {}
});

// server/src/modules/bots/bot-routes.ts
var tags3 = ["bots"];
var botRoutes = async (app, { deps }) => {
  const config3 = { access: contactCentre };
  app.get(
    "/conversations/:id/bot",
    {
      config: config3,
      schema: {
        tags: tags3,
        summary: "The dialog\u2019s bot session: bot and pinned version, status, current block, collected variables",
        params: IdParams,
        response: { 200: BotSessionSchema, ...errorResponses }
      }
    },
    async (request) => {
      const { id } = request.params;
      const [row] = await deps.db.query("select * from conversation where id = ?", [
        id
      ]);
      if (!row) throw fail.notFound("conversation");
      const session = await latestSession(deps.db, void 0, id);
      if (!session) throw fail.notFound("bot session");
      return sessionView(session, !botHolds(conversationView(row)));
    }
  );
  app.post(
    "/conversations/:id/bot/resume",
    {
      config: config3,
      schema: {
        tags: tags3,
        summary: "Hand the dialog back to its bot at a block (by default the one the bot waits at)",
        params: IdParams,
        body: Type11.Object(
          { blockId: Type11.Optional(Type11.String({ minLength: 1, maxLength: 100 })) },
          { additionalProperties: false }
        ),
        response: { 200: BotSessionSchema, ...errorResponses }
      }
    },
    (request) => resumeBot(deps, request.params.id, request.body.blockId, request.actor)
  );
};

// server/src/modules/bots/effect-answers.ts
var maxErrorChars = 1e3;
async function answerRequest(ports, effect, locale) {
  const { requestId } = effect;
  try {
    return { type: "result", requestId, ok: true, value: await carryOutRequest(ports, effect, locale) };
  } catch (error) {
    const message2 = error instanceof Error ? error.message : String(error);
    return { type: "result", requestId, ok: false, error: message2.slice(0, maxErrorChars) };
  }
}
async function carryOutRequest(ports, effect, locale) {
  switch (effect.type) {
    case "searchKnowledgeBase": {
      const found = await ports.kb.search.search(
        { q: effect.query, limit: Math.min(effect.limit, 10) },
        null
      );
      const base = (ports.publicUrl ?? "").replace(/\/+$/, "");
      return found.items.map((hit) => ({
        id: hit.id,
        title: hit.title.map((part) => part.text).join(""),
        url: `${base}/kb/${encodeURIComponent(hit.key)}`
      }));
    }
    case "runScript": {
      const run = await ports.scripts.runPublished(
        effect.script,
        effect.input,
        { kind: "bot", by: null },
        null,
        locale
      );
      if (!run.ok) throw new Error(run.error.message);
      return asValue(run.output);
    }
    case "callIntegration": {
      const path2 = effect.operation.startsWith("/") ? effect.operation : `/${effect.operation}`;
      const response = await ports.integrations.call({
        integration: effect.integration,
        path: path2,
        method: "POST",
        body: effect.input
      });
      if (response.status >= 400) throw new Error(`HTTP ${response.status}`);
      return parsedBody(response.text);
    }
    case "createRecord": {
      const record = await ports.records.create(effect.entity, effect.values, null, locale);
      return { id: record.id, number: record.number, title: record.title };
    }
    case "updateRecord": {
      const current = await ports.records.get(effect.entity, effect.recordId, null);
      const saved = await ports.records.update(
        effect.entity,
        effect.recordId,
        current.version,
        effect.values,
        null,
        locale
      );
      return { id: effect.recordId, version: saved.version };
    }
    case "startProcess":
      throw new Error("processes are not available yet");
  }
}
function parsedBody(text2) {
  try {
    return asValue(JSON.parse(text2));
  } catch {
    return text2.slice(0, 1e4);
  }
}
var asValue = (output) => output === void 0 ? null : output;

// server/src/modules/bots/effect-job.ts
function botEffectJob(deps, ports) {
  return {
    options: {
      outside: (payload) => {
        const { effect, locale } = payload;
        return answerRequest(ports, effect, locale);
      }
    },
    handler: async (payload, { em, prepared }) => {
      const { sessionId, conversationId } = payload;
      const conversation = await lockConversation(deps.db, em, conversationId);
      const session = await sessionById(deps.db, em, sessionId);
      if (session?.status !== "active" || !botHolds(conversation)) return;
      await feed(deps, em, conversation, session, prepared);
    }
  };
}

// server/src/modules/bots/published-bots.ts
import { prepareBot } from "@opora/runtime/bots";
import { migrateDefinitionBody as migrateDefinitionBody2 } from "@opora/runtime/definitions";
var cacheLimit = 200;
var PublishedBots = class {
  constructor(db) {
    this.db = db;
  }
  db;
  prepared = /* @__PURE__ */ new Map();
  /** The latest published version of `key`, or null when none is published. */
  async latest(key2, tx) {
    const [row] = await this.db.query(
      `select d.latest_version as version from definition d
        where d.kind = 'bot' and d.key = ? and d.latest_version is not null`,
      [key2],
      tx
    );
    return row ? this.pinned(key2, Number(row.version), tx) : null;
  }
  /** Version `version` of `key` exactly, or null when it does not exist. */
  async pinned(key2, version, tx) {
    const id = `${key2}@${version}`;
    const cached = this.prepared.get(id);
    if (cached) return cached;
    const [row] = await this.db.query(
      `select v.body from definition d join definition_version v on v.definition_id = d.id and v.version = ?
        where d.kind = 'bot' and d.key = ?`,
      [version, key2],
      tx
    );
    if (!row) return null;
    const stored2 = typeof row.body === "string" ? JSON.parse(row.body) : row.body;
    const bot = prepareBot(migrateDefinitionBody2("bot", stored2), { key: key2, version });
    if (this.prepared.size >= cacheLimit) this.prepared.delete(this.prepared.keys().next().value);
    this.prepared.set(id, bot);
    return bot;
  }
};

// server/src/modules/bots/timer-job.ts
function botTimerJob(deps) {
  return async (payload, { em }) => {
    const { sessionId, conversationId, event } = payload;
    const conversation = await lockConversation(deps.db, em, conversationId);
    const session = await sessionById(deps.db, em, sessionId);
    if (session?.status !== "active" || !botHolds(conversation)) return;
    await feed(deps, em, conversation, session, event);
  };
}

// server/src/modules/bots/index.ts
var botsModule = fp6(
  async (app) => {
    const bots = new PublishedBots(app.db);
    const deps = {
      db: app.db,
      jobs: app.jobQueue,
      hub: app.liveHub,
      clock: app.clock,
      conversations: app.conversations,
      lines: app.publishedLines,
      bots
    };
    app.decorate("publishedBots", bots);
    app.definitions.extend("bot", botPublishing());
    app.conversations.onClientMessage(async (tx, conversation, message2) => {
      if (!botHolds(conversation)) return;
      await app.jobQueue.enqueue(
        botTurnJobName,
        { conversationId: conversation.id, messageId: message2.id },
        { idempotencyKey: botTurnKey(conversation.id, message2.id), maxAttempts: 10 },
        tx
      );
    });
    app.conversations.onStatusChanged(async (tx, { after, now }) => {
      if (after.status === "closed") await endSessions(app.db, tx, after.id, now ?? dateOf(app.clock));
    });
    app.jobWorker.registerHandler(botTurnJobName, botTurnJob(deps));
    app.jobWorker.registerHandler(botTimerJobName, botTimerJob(deps));
    const effects = botEffectJob(deps, {
      scripts: app.scripts,
      integrations: app.integrations,
      kb: app.kb,
      records: app.records,
      publicUrl: app.settings.publicUrl
    });
    app.jobWorker.registerHandler(botEffectJobName, effects.handler, effects.options);
    await app.register(botRoutes, { prefix: apiPrefix, deps });
  },
  {
    name: "bots",
    dependencies: [
      "definitions",
      "conversations",
      "distribution",
      "scripts",
      "integrations",
      "kb",
      "records"
    ]
  }
);

// server/src/modules/bundles/index.ts
import fp7 from "fastify-plugin";

// server/src/modules/bundles/bundle-routes.ts
import { Type as Type13 } from "@sinclair/typebox";

// server/src/modules/definitions/definition-schemas.ts
import { definitionKeyPattern, definitionKinds, literals as literals2 } from "@opora/runtime/definitions";
import { Type as Type12 } from "@sinclair/typebox";
var Kind = literals2(definitionKinds);
var Status = literals2(["draft", "published", "archived"]);
var Body = Type12.Object(
  {},
  { additionalProperties: true, description: "The definition itself; its schema depends on the kind" }
);
var Name = Type12.String({ minLength: 1, maxLength: 200 });
var Description = Type12.String({ maxLength: 2e3 });
var DraftVersion = Type12.Integer({ minimum: 1 });
var DefinitionSummarySchema = Type12.Object({
  id: Type12.String(),
  kind: Type12.String(),
  key: Type12.String(),
  name: Type12.String(),
  description: Type12.String(),
  status: Type12.String(),
  draftVersion: Type12.Integer(),
  latestVersion: Type12.Union([Type12.Integer(), Type12.Null()]),
  hasUnpublishedChanges: Type12.Boolean(),
  createdAt: Type12.String(),
  updatedAt: Type12.String(),
  updatedBy: Type12.Union([Type12.String(), Type12.Null()])
});
var DefinitionSchema = Type12.Composite([
  DefinitionSummarySchema,
  Type12.Object({ body: Type12.Unknown() })
]);
var VersionSummarySchema = Type12.Object({
  version: Type12.Integer(),
  publishedAt: Type12.String(),
  publishedBy: Type12.Union([Type12.String(), Type12.Null()])
});
var VersionSchema = Type12.Composite([
  VersionSummarySchema,
  Type12.Object({
    definitionId: Type12.String(),
    kind: Type12.String(),
    key: Type12.String(),
    name: Type12.String(),
    body: Type12.Unknown()
  })
]);
var ListQuery = Type12.Object(
  {
    kind: Type12.Optional(Kind),
    status: Type12.Optional(Status),
    q: Type12.Optional(Type12.String({ maxLength: 200 })),
    sort: Type12.Optional(literals2(["name", "-name", "updatedAt", "-updatedAt"])),
    ...Paging
  },
  { additionalProperties: false }
);
var CreateBody = Type12.Object(
  {
    kind: Kind,
    key: Type12.String({ pattern: definitionKeyPattern }),
    name: Name,
    description: Type12.Optional(Description),
    body: Body
  },
  { additionalProperties: false }
);
var UpdateBody = Type12.Object(
  { name: Name, description: Type12.Optional(Description), body: Body, draftVersion: DraftVersion },
  { additionalProperties: false }
);
var DraftVersionBody = Type12.Object({ draftVersion: DraftVersion }, { additionalProperties: false });
var DraftVersionQuery = Type12.Object({ draftVersion: DraftVersion }, { additionalProperties: false });

// server/src/modules/bundles/bundle-routes.ts
var tags4 = ["bundles"];
var Ref = Type13.Object({ kind: Type13.String(), key: Type13.String() });
var bundleRoutes = async (app, { bundles }) => {
  app.get(
    "/bundles/export",
    {
      config: { access: canDesign },
      schema: {
        tags: tags4,
        summary: "Export definitions (all, one kind, or listed ids) as a bundle file",
        querystring: Type13.Object(
          {
            kind: Type13.Optional(Kind),
            knowledgeBase: Type13.Optional(
              Type13.Boolean({ description: "include the knowledge base (categories, articles, synonyms)" })
            ),
            ids: Type13.Optional(
              Type13.String({
                pattern: "^[0-9a-f-]{36}(,[0-9a-f-]{36})*$",
                description: "comma-separated definition ids"
              })
            )
          },
          { additionalProperties: false }
        ),
        response: {
          200: Type13.Object({}, { additionalProperties: true, description: "An opora-bundle document" }),
          ...errorResponses
        }
      }
    },
    async (request, reply) => {
      const bundle = await bundles.export({
        kind: request.query.kind,
        ids: request.query.ids?.split(","),
        knowledgeBase: request.query.knowledgeBase
      });
      const date = bundle.exportedAt?.slice(0, 10) ?? "export";
      reply.header("content-disposition", `attachment; filename="opora-bundle-${date}.json"`);
      return bundle;
    }
  );
  app.post(
    "/bundles/import",
    {
      // A bundle carries up to 100,000 records and 200,000 articles (see the bundle schema).
      config: { access: canDesign, jsonLimits: { items: 2e5 } },
      schema: {
        tags: tags4,
        summary: "Import a bundle: creates or updates drafts, publishes what the bundle marks published, adds its records",
        body: Type13.Object({}, { additionalProperties: true, description: "An opora-bundle document" }),
        response: {
          200: Type13.Object({
            created: Type13.Array(Ref),
            updated: Type13.Array(Ref),
            published: Type13.Array(Type13.Composite([Ref, Type13.Object({ version: Type13.Integer() })])),
            records: Type13.Integer(),
            knowledgeBase: Type13.Optional(
              Type13.Object({ categories: Type13.Integer(), articles: Type13.Integer(), synonyms: Type13.Integer() })
            )
          }),
          422: ErrorResponse,
          ...errorResponses
        }
      }
    },
    (request) => bundles.import(request.body, request.actor, requestLocale(request))
  );
};

// server/src/modules/bundles/bundle-service.ts
import { randomUUID as randomUUID7 } from "node:crypto";
import {
  orderForPublish,
  resolveRecordRefs,
  validateBundle
} from "@opora/runtime/definitions";

// server/src/db/entities/definition.ts
import { EntitySchema as EntitySchema5 } from "@mikro-orm/core";
var DefinitionEntity = class {
  id;
  kind;
  key;
  name;
  description = "";
  status = "draft";
  body;
  draftVersion = 1;
  latestVersion = null;
  hasUnpublishedChanges = true;
  createdAt;
  updatedAt;
  createdBy = null;
  updatedBy = null;
};
var definitionSchema = new EntitySchema5({
  class: DefinitionEntity,
  tableName: "definition",
  uniques: [{ properties: ["kind", "key"] }],
  properties: {
    id: { type: "uuid", primary: true },
    kind: { type: "text" },
    key: { type: "text" },
    name: { type: "text" },
    description: { type: "text" },
    status: { type: "text" },
    body: { type: "json" },
    draftVersion: { type: "integer" },
    latestVersion: { type: "integer", nullable: true },
    hasUnpublishedChanges: { type: "boolean" },
    createdAt: { type: "Date", columnType: "timestamptz" },
    updatedAt: { type: "Date", columnType: "timestamptz" },
    createdBy: { type: "text", nullable: true },
    updatedBy: { type: "text", nullable: true }
  }
});

// server/src/db/pg-array.ts
function toPgArray(values) {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}
function fromPgArray(value) {
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string");
  if (typeof value !== "string" || value.length < 2) return [];
  const items = [];
  let current = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 1; i < value.length - 1; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === "\\") current += value[++i] ?? "";
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ",") {
      if (wasQuoted || current !== "NULL") items.push(current);
      current = "";
      wasQuoted = false;
    } else current += ch;
  }
  if (value.length > 2 && (wasQuoted || current !== "NULL")) items.push(current);
  return items;
}

// server/src/modules/kb/kb-rows.ts
var summaryColumns = `a.id, a.key, a.title, a.summary, a.state, a.audience, a.category_id, a.tags, a.views,
  a.helpful, a.not_helpful, a.version, a.updated_at, a.updated_by, a.published_at`;
var iso3 = (value) => value === null ? null : new Date(value).toISOString();
var summaryView = (row) => ({
  id: row.id,
  key: row.key,
  title: row.title,
  summary: row.summary,
  state: row.state,
  audience: row.audience,
  categoryId: row.category_id,
  tags: fromPgArray(row.tags),
  views: Number(row.views),
  helpful: row.helpful,
  notHelpful: row.not_helpful,
  version: row.version,
  updatedAt: iso3(row.updated_at),
  updatedBy: row.updated_by,
  publishedAt: iso3(row.published_at)
});
var popularityOf = (views, helpful, notHelpful) => `ln(1 + ${views}) + 2 * ln(1 + ${helpful}) - ln(1 + ${notHelpful})`;
var jsonValue = (value) => typeof value === "string" ? JSON.parse(value) : value;

// server/src/modules/kb/kb-bundle.ts
async function importKnowledgeBase(db, kb, content, actor, locale, em) {
  const categoryIds = /* @__PURE__ */ new Map();
  for (const category of parentsFirst(content.categories)) {
    const input = {
      title: category.title,
      description: category.description ?? null,
      parentId: category.parent ? categoryIds.get(category.parent) ?? null : null,
      ...category.position !== void 0 ? { position: category.position } : {}
    };
    const existing = await kb.categories.byKey(category.key, em);
    if (existing)
      await db.query(
        `update kb_category set title = ?::jsonb, description = ?::jsonb, parent_id = ?, position = coalesce(?, position) where id = ?`,
        [
          JSON.stringify(input.title),
          input.description ? JSON.stringify(input.description) : null,
          input.parentId,
          category.position ?? null,
          existing.id
        ],
        em
      );
    const id = existing?.id ?? (await kb.categories.create({ key: category.key, ...input }, actor, locale, em)).id;
    categoryIds.set(category.key, id);
  }
  const articleIds = /* @__PURE__ */ new Map();
  for (const article of content.articles) {
    const saved = await kb.articles.importArticle(
      {
        key: article.key,
        title: article.title,
        summary: article.summary ?? "",
        body: article.body,
        categoryId: article.category ? categoryIds.get(article.category) ?? null : null,
        tags: article.tags ?? [],
        audience: article.audience ?? "public",
        state: article.state ?? "draft",
        related: []
      },
      actor,
      locale,
      em
    );
    articleIds.set(article.key, saved.id);
  }
  for (const article of content.articles)
    if (article.related?.length)
      await db.query(
        "update kb_article set related = ?::uuid[] where key = ?",
        [toPgArray(article.related.flatMap((key2) => articleIds.get(key2) ?? [])), article.key],
        em
      );
  if (content.synonyms) await kb.synonyms.save(content.synonyms, locale, em);
  return {
    categories: content.categories.length,
    articles: content.articles.length,
    synonyms: content.synonyms?.length ?? 0
  };
}
async function exportKnowledgeBase(db, kb) {
  const categories = await kb.categories.all();
  const keyOf = new Map(categories.map((c) => [c.id, c.key]));
  const articles = await db.query(
    "select id, key, title, summary, body, category_id, tags, audience, state, related from kb_article order by key"
  );
  const articleKey = new Map(articles.map((a) => [a.id, a.key]));
  const synonyms = (await kb.synonyms.list()).items.map((g) => g.terms);
  return {
    categories: categories.map((c) => ({
      key: c.key,
      title: jsonValue(c.title),
      ...c.description ? { description: jsonValue(c.description) } : {},
      parent: c.parent_id ? keyOf.get(c.parent_id) ?? null : null,
      position: c.position
    })),
    articles: articles.map((a) => ({
      key: a.key,
      title: a.title,
      summary: a.summary,
      body: a.body,
      category: a.category_id ? keyOf.get(a.category_id) ?? null : null,
      tags: fromPgArray(a.tags),
      audience: a.audience,
      state: a.state,
      related: fromPgArray(a.related).flatMap((id) => articleKey.get(id) ?? [])
    })),
    synonyms
  };
}
function parentsFirst(items) {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const ordered = [];
  const visit = (item, seen) => {
    if (ordered.includes(item) || seen.has(item.key)) return;
    seen.add(item.key);
    const parent = item.parent ? byKey.get(item.parent) : void 0;
    if (parent) visit(parent, seen);
    ordered.push(item);
  };
  for (const item of items) visit(item, /* @__PURE__ */ new Set());
  return ordered;
}

// server/src/modules/definitions/canonical-json.ts
function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value).sort().map((key2) => [key2, sortKeys(value[key2])])
    );
  return value;
}

// server/src/modules/bundles/bundle-plan.ts
async function planDefinition(em, def, index) {
  const existing = await em.findOne(DefinitionEntity, { kind: def.kind, key: def.key });
  const change = !existing ? "create" : canonicalJson(existing.body) !== canonicalJson(def.body) || existing.name !== def.name ? "update" : "none";
  const pending = change !== "none" || existing?.hasUnpublishedChanges === true;
  return { def, index, existing, change, publish: def.published === true && pending };
}

// server/src/modules/bundles/bundle-rights.ts
import { accessScope, rolesAllowed } from "@opora/runtime/definitions";
import { definitionRights, mayChangeDefinition } from "@opora/sdk";

// server/src/modules/kb/kb-access.ts
var kbEditors = ["admin", "analyst"];
function readableAudiences(actor) {
  if (!actor) return ["public"];
  if (actor.roles.some((role) => staff.includes(role))) return ["public", "clients", "staff"];
  return ["public", "clients"];
}
var audienceParam = (actor) => toPgArray(readableAudiences(actor));

// server/src/modules/bundles/bundle-rights.ts
var maxListed = 200;
async function refusedItems(em, definitions, bundle, plans, actor, locale) {
  if (!actor) return [];
  const refused = [];
  for (const plan of plans) {
    const { kind } = plan.def;
    const action = plan.change !== "none" && !mayChangeDefinition(actor.roles, kind, "write") ? "write" : plan.publish && !mayChangeDefinition(actor.roles, kind, "publish") ? "publish" : null;
    if (action)
      refused.push({
        pointer: `/definitions/${plan.index}`,
        message: message(locale, `definition_${action}_forbidden`, {
          kind,
          roles: definitionRights[kind][action].join(", ")
        })
      });
  }
  refused.push(...knowledgeBaseRefusals(bundle, actor, locale));
  refused.push(...await recordRefusals(em, definitions, bundle, actor, locale));
  if (refused.length <= maxListed) return refused;
  return [
    ...refused.slice(0, maxListed),
    { pointer: "", message: message(locale, "bundle_more_refused", { count: refused.length - maxListed }) }
  ];
}
function knowledgeBaseRefusals(bundle, actor, locale) {
  const kb = bundle.knowledgeBase;
  if (!kb || actor.roles.some((role) => kbEditors.includes(role))) return [];
  const text2 = message(locale, "knowledge_base_forbidden", { roles: kbEditors.join(", ") });
  return [
    ...kb.categories.map((_, i) => ({ pointer: `/knowledgeBase/categories/${i}`, message: text2 })),
    ...kb.articles.map((_, i) => ({ pointer: `/knowledgeBase/articles/${i}`, message: text2 })),
    ...kb.synonyms ? [{ pointer: "/knowledgeBase/synonyms", message: text2 }] : []
  ];
}
async function recordRefusals(em, definitions, bundle, actor, locale) {
  const bodies = /* @__PURE__ */ new Map();
  for (const def of bundle.definitions)
    if (def.kind === "entity") bodies.set(def.key, def.body);
  const refused = [];
  for (const [index, record] of (bundle.records ?? []).entries()) {
    if (!bodies.has(record.entity))
      bodies.set(
        record.entity,
        (await definitions.latestPublished("entity", record.entity, em))?.body
      );
    const body = bodies.get(record.entity);
    if (!body || accessScope(body, actor.roles, "create") !== "none") continue;
    refused.push({
      pointer: `/records/${index}`,
      message: message(locale, "records_create_forbidden", {
        entity: record.entity,
        roles: rolesAllowed(body, "create").join(", ")
      })
    });
  }
  return refused;
}

// server/src/modules/bundles/bundle-service.ts
var BundleService = class {
  constructor(db, definitions, records, kb, clock) {
    this.db = db;
    this.definitions = definitions;
    this.records = records;
    this.kb = kb;
    this.clock = clock;
  }
  db;
  definitions;
  records;
  kb;
  clock;
  async export(filter) {
    const where = {
      ...filter.ids?.length ? { id: { $in: filter.ids } } : {},
      ...filter.kind ? { kind: filter.kind } : {}
    };
    const rows = await this.db.em().find(DefinitionEntity, where, { orderBy: [{ kind: "asc" }, { key: "asc" }] });
    return {
      format: "opora-bundle",
      formatVersion: 1,
      exportedAt: dateOf(this.clock).toISOString(),
      definitions: rows.map((d) => ({
        kind: d.kind,
        key: d.key,
        name: d.name,
        ...d.description ? { description: d.description } : {},
        body: d.body,
        published: d.latestVersion !== null
      })),
      ...filter.knowledgeBase ? { knowledgeBase: await exportKnowledgeBase(this.db, this.kb) } : {}
    };
  }
  /**
   * All or nothing: one transaction; any problem rolls everything back and is reported with its place in the
   * bundle. Items the caller may not write refuse the whole import (403) before anything is written.
   */
  async import(input, actor, locale) {
    const problems = validateBundle(input, locale);
    if (problems.length)
      throw fail.bundleInvalid(
        problems.map((p) => ({ pointer: p.pointer, message: p.message, code: p.code }))
      );
    const bundle = input;
    const report = { created: [], updated: [], published: [], records: 0 };
    await this.db.transaction(async (em) => {
      const plans = [];
      for (const def of orderForPublish(bundle.definitions))
        plans.push(await planDefinition(em, def, bundle.definitions.indexOf(def)));
      const refused = await refusedItems(em, this.definitions, bundle, plans, actor, locale);
      if (refused.length) throw fail.bundleForbidden(refused);
      if (bundle.knowledgeBase)
        report.knowledgeBase = await rethrowAt(
          "/knowledgeBase",
          () => importKnowledgeBase(this.db, this.kb, bundle.knowledgeBase, actor, locale, em)
        );
      for (const plan of plans) await this.importDefinition(em, plan, actor, locale, report);
      await this.importRecords(em, bundle, actor, locale);
      report.records = bundle.records?.length ?? 0;
    });
    if (bundle.knowledgeBase) await this.db.query("analyze kb_article");
    return report;
  }
  async importDefinition(em, { def, index, existing, change, publish }, actor, locale, report) {
    const at = `/definitions/${index}`;
    const name = { kind: def.kind, key: def.key };
    await rethrowAt(at, async () => {
      let id;
      let draftVersion;
      if (!existing) {
        const created = await this.definitions.create(
          { ...def, description: def.description ?? "" },
          actor,
          locale,
          em
        );
        ({ id, draftVersion } = created);
        report.created.push(name);
      } else if (change === "update") {
        const updated = await this.definitions.update(
          existing.id,
          {
            name: def.name,
            description: def.description ?? existing.description,
            body: def.body,
            draftVersion: existing.draftVersion
          },
          actor,
          locale,
          em
        );
        ({ id, draftVersion } = updated);
        report.updated.push(name);
      } else ({ id, draftVersion } = existing);
      const definition = await em.findOneOrFail(DefinitionEntity, { id });
      if (publish && !await this.definitions.draftIsLatest(em, definition)) {
        const version = await this.definitions.publish(id, draftVersion, actor, locale, em);
        report.published.push({ ...name, version: version.version });
      }
    });
  }
  async importRecords(em, bundle, actor, locale) {
    const ids2 = /* @__PURE__ */ new Map();
    for (const record of bundle.records ?? []) if (record.ref) ids2.set(record.ref, randomUUID7());
    for (const [index, record] of (bundle.records ?? []).entries()) {
      await rethrowAt(`/records/${index}`, async () => {
        let data;
        try {
          data = resolveRecordRefs(record.data, (ref) => ids2.get(ref));
        } catch (error) {
          throw fail.bundleInvalid([{ pointer: "/data", message: error.message }]);
        }
        await this.records.create(record.entity, data, actor, locale, {
          em,
          ...record.ref ? { id: ids2.get(record.ref) } : {}
        });
      });
    }
  }
};
async function rethrowAt(at, fn) {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError) {
      const details = error.details.length ? error.details : [{ pointer: "", message: error.message }];
      throw fail.bundleInvalid(
        details.map((d) => ({
          ...d,
          pointer: `${at}${d.pointer}`
        }))
      );
    }
    throw error;
  }
}

// server/src/modules/bundles/index.ts
var bundlesModule = fp7(
  async (app) => {
    const bundles = new BundleService(app.db, app.definitions, app.records, app.kb, app.clock);
    app.decorate("bundles", bundles);
    await app.register(bundleRoutes, { prefix: apiPrefix, bundles });
  },
  { name: "bundles", dependencies: ["records", "kb"] }
);

// server/src/modules/content-files/index.ts
import fp8 from "fastify-plugin";

// server/src/modules/content-files/content-file-routes.ts
import fastifyMultipart from "@fastify/multipart";
import { Type as Type15 } from "@sinclair/typebox";

// server/src/modules/files/receive-upload.ts
var envelopeBytes = 16 * 1024;
async function receiveUpload(request, reply, cap, store) {
  if (!request.isMultipart()) throw fail.unsupportedMediaType();
  const declaredLength = Number(request.headers["content-length"] ?? Number.NaN);
  if (declaredLength > cap.bytes + envelopeBytes) {
    reply.header("connection", "close");
    throw fail.fileTooLarge(cap.mb);
  }
  const fields = {};
  const parts = request.parts();
  for (let part = await nextPart(parts); part; part = await nextPart(parts)) {
    if (part.type === "field") {
      fields[part.fieldname] = storableField(part.fieldname, String(part.value));
      continue;
    }
    try {
      return await store(fields, part, declaredLength);
    } catch (error) {
      const formBroke = brokenForm(part, error);
      part.file.destroy();
      reply.header("connection", "close");
      throw formBroke ? fail.multipartMalformed() : error;
    }
  }
  throw fail.fileUploadInvalid("file_missing");
}
function brokenForm(part, error) {
  return Boolean(part.file.errored) && !(error instanceof AppError) && !(error instanceof Error && "syscall" in error);
}
async function nextPart(parts) {
  try {
    const next = await parts.next();
    return next.done ? void 0 : next.value;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const status = error.statusCode;
    throw status && status < 500 ? error : fail.multipartMalformed();
  }
}
function storableField(name, value) {
  const problem = textFault(name) ?? textFault(value);
  if (problem)
    throw refusal(
      "invalid_text",
      problem === "nul" ? "text_nul" : "text_lone_surrogate",
      `/${pointerToken(name)}`
    );
  return value;
}

// server/src/modules/files/file-names.ts
import { bareMediaType } from "@opora/runtime/definitions";
var maxNameLength = 255;
var token = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
function cleanFileName(raw) {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = Array.from(
    base.normalize("NFC").replace(/\p{Cc}/gu, "").trim()
  ).slice(0, maxNameLength).join("");
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "file" : cleaned;
}
function cleanContentType(raw) {
  const type = bareMediaType(raw ?? "");
  return token.test(type) ? type : "application/octet-stream";
}
function contentDisposition(name) {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// server/src/modules/files/send-stored-file.ts
async function sendStoredFile(request, reply, file, options4) {
  const caching = { etag: `"${file.sha256}"`, "cache-control": options4.cacheControl };
  if (request.headers["if-none-match"] === caching.etag) return reply.headers(caching).status(304).send(null);
  const content = await options4.content();
  const disposition = contentDisposition(file.name);
  return reply.headers({
    ...caching,
    "content-type": file.contentType,
    "content-length": file.size,
    "content-disposition": options4.inline ? disposition.replace(/^attachment/, "inline") : disposition,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox"
  }).send(content);
}

// server/src/modules/kb/kb-schemas.ts
import { contentKeyPattern, literals as literals3 } from "@opora/runtime/definitions";
import { Type as Type14 } from "@sinclair/typebox";
var ContentKey = Type14.String({ pattern: contentKeyPattern });
var KeyParams = Type14.Object({ key: ContentKey }, { additionalProperties: false });
var LText = Type14.Object(
  { ru: Type14.String({ minLength: 1, maxLength: 500 }), en: Type14.Optional(Type14.String({ maxLength: 500 })) },
  { additionalProperties: false }
);
var Nullable = (schema) => Type14.Union([schema, Type14.Null()]);
var ArticleStateSchema = literals3(["draft", "review", "published", "archived"]);
var AudienceSchema = literals3(["public", "clients", "staff"]);
var CategoryInputSchema = Type14.Object(
  {
    key: ContentKey,
    title: LText,
    description: Type14.Optional(Nullable(LText)),
    parentId: Type14.Optional(Nullable(Type14.String({ format: "uuid" }))),
    position: Type14.Optional(Type14.Integer({ minimum: 0, maximum: 1e5 }))
  },
  { additionalProperties: false }
);
var CategoryUpdateSchema = Type14.Omit(CategoryInputSchema, ["key"], { additionalProperties: false });
var CategorySchema = Type14.Object({
  id: Type14.String(),
  key: Type14.String(),
  title: Type14.Unknown(),
  description: Type14.Unknown(),
  parentId: Nullable(Type14.String()),
  position: Type14.Integer(),
  articleCount: Type14.Integer()
});
var articleFields = {
  title: Type14.String({ minLength: 1, maxLength: 300 }),
  summary: Type14.Optional(Type14.String({ maxLength: 1e3 })),
  body: Type14.String({ maxLength: 5e5 }),
  categoryId: Type14.Optional(Nullable(Type14.String({ format: "uuid" }))),
  tags: Type14.Optional(Type14.Array(Type14.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
  audience: Type14.Optional(AudienceSchema),
  related: Type14.Optional(Type14.Array(Type14.String({ format: "uuid" }), { maxItems: 20 }))
};
var ArticleInputSchema = Type14.Object(
  { key: Type14.Optional(ContentKey), ...articleFields },
  { additionalProperties: false }
);
var ArticleUpdateSchema = Type14.Object(
  { version: Type14.Integer({ minimum: 1 }), ...articleFields },
  { additionalProperties: false }
);
var ArticleSummarySchema = Type14.Object({
  id: Type14.String(),
  key: Type14.String(),
  title: Type14.String(),
  summary: Type14.String(),
  state: Type14.String(),
  audience: Type14.String(),
  categoryId: Nullable(Type14.String()),
  tags: Type14.Array(Type14.String()),
  views: Type14.Integer(),
  helpful: Type14.Integer(),
  notHelpful: Type14.Integer(),
  version: Type14.Integer(),
  updatedAt: Type14.String(),
  updatedBy: Nullable(Type14.String()),
  publishedAt: Nullable(Type14.String())
});
var ArticleLinkSchema = Type14.Object({ id: Type14.String(), key: Type14.String(), title: Type14.String() });
var ArticleSchema = Type14.Composite([
  ArticleSummarySchema,
  Type14.Object({
    body: Type14.String(),
    related: Type14.Array(ArticleLinkSchema),
    createdAt: Type14.String(),
    createdBy: Nullable(Type14.String())
  })
]);
var VersionSummarySchema2 = Type14.Object({
  number: Type14.Integer(),
  title: Type14.String(),
  state: Type14.String(),
  change: Type14.String(),
  savedAt: Type14.String(),
  savedBy: Nullable(Type14.String())
});
var VersionSchema2 = Type14.Composite([
  VersionSummarySchema2,
  Type14.Object({
    summary: Type14.String(),
    body: Type14.String(),
    tags: Type14.Array(Type14.String()),
    categoryId: Nullable(Type14.String()),
    audience: Type14.String()
  })
]);
var RatingSchema = Type14.Object({
  id: Type14.String(),
  helpful: Type14.Boolean(),
  comment: Nullable(Type14.String()),
  by: Nullable(Type14.String()),
  at: Type14.String()
});
var Parts = Type14.Array(Type14.Object({ text: Type14.String(), match: Type14.Boolean() }));
var SearchResultSchema = Type14.Object({
  items: Type14.Array(
    Type14.Object({
      id: Type14.String(),
      key: Type14.String(),
      title: Parts,
      snippet: Parts,
      summary: Type14.String(),
      categoryId: Nullable(Type14.String()),
      tags: Type14.Array(Type14.String()),
      updatedAt: Type14.String()
    })
  ),
  total: Type14.Integer(),
  totalIsEstimate: Type14.Boolean(),
  limit: Type14.Integer(),
  offset: Type14.Integer(),
  correctedQuery: Nullable(Type14.String()),
  exactAnswer: Type14.Boolean({
    description: "False when no article covers the query\u2019s distinctive words: the items are only possibly related"
  })
});
var PortalArticleSchema = Type14.Object({
  id: Type14.String(),
  key: Type14.String(),
  title: Type14.String(),
  summary: Type14.String(),
  body: Type14.String(),
  tags: Type14.Array(Type14.String()),
  category: Type14.Unknown(),
  breadcrumbs: Type14.Array(Type14.Object({ key: Type14.String(), title: Type14.Unknown() })),
  related: Type14.Array(ArticleLinkSchema),
  views: Type14.Integer(),
  helpful: Type14.Integer(),
  notHelpful: Type14.Integer(),
  updatedAt: Type14.String(),
  myRating: Nullable(Type14.Boolean())
});
var KbFileSchema = Type14.Object({
  id: Type14.String(),
  name: Type14.String(),
  mediaType: Type14.String(),
  size: Type14.Integer(),
  url: Type14.String()
});

// server/src/modules/content-files/content-file-routes.ts
var uploadResponses = { 201: KbFileSchema, 413: ErrorResponse, 415: ErrorResponse, ...errorResponses };
var download = {
  params: IdParams,
  produces: ["application/octet-stream"],
  response: { 200: Type15.Unknown({ description: "The content" }), 304: Type15.Null(), ...errorResponses }
};
var contentFileRoutes = async (app, { files }) => {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: files.capBytes + 1, files: 1, fields: 5, fieldSize: 200, parts: 6, headerPairs: 20 }
  });
  app.post(
    "/kb/files",
    {
      config: { access: kbEditors },
      schema: {
        tags: ["knowledge base"],
        summary: "Upload an image, video or attachment of an article (multipart: articleId, then the file)",
        consumes: ["multipart/form-data"],
        response: uploadResponses
      }
    },
    (request, reply) => receive(request, reply, files, (fields) => {
      const articleId = fields.articleId;
      if (!articleId || !/^[0-9a-f-]{36}$/i.test(articleId))
        throw fail.fileUploadInvalid("file_form_order");
      return { kind: "article", articleId };
    })
  );
  app.post(
    "/portal/assets",
    {
      config: { access: adminOnly },
      schema: {
        tags: ["portal"],
        summary: "Upload an image for the portal (its logo): PNG, JPEG, GIF or WebP",
        consumes: ["multipart/form-data"],
        response: uploadResponses
      }
    },
    (request, reply) => receive(request, reply, files, () => ({ kind: "portal" }))
  );
  const serve = async (request, reply) => {
    const file = await files.find(request.params.id, request.actor);
    return sendStoredFile(
      request,
      reply,
      { ...file, contentType: file.mediaType },
      {
        // Portal images are public and shared by every visitor; article files follow the article's audience.
        cacheControl: file.owner === "portal" ? "public, max-age=300" : "private, no-cache",
        inline: files.inline(file),
        content: () => files.content(file)
      }
    );
  };
  app.get(
    "/kb/files/:id",
    {
      config: { access: "public" },
      schema: {
        tags: ["knowledge base"],
        summary: "A file of an article, for whoever may read the article",
        ...download
      }
    },
    serve
  );
  app.get(
    "/portal/assets/:id",
    {
      config: { access: "public" },
      schema: { tags: ["portal"], summary: "An image of the portal", ...download }
    },
    serve
  );
};
async function receive(request, reply, files, ownerOf) {
  const stored2 = await receiveUpload(
    request,
    reply,
    { bytes: files.capBytes, mb: files.capMb },
    (fields, part) => files.upload(
      ownerOf(fields),
      part.file,
      { name: part.filename, contentType: part.mimetype },
      request.actor
    )
  );
  return reply.status(201).send(stored2);
}

// server/src/modules/content-files/content-file-service.ts
import { randomUUID as randomUUID8 } from "node:crypto";
import { fileAccepted } from "@opora/runtime/definitions";
var articleTypes = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "video/mp4",
  "video/webm",
  ".pdf",
  ".doc",
  ".docx",
  ".xls",
  ".xlsx",
  ".ppt",
  ".pptx",
  ".odt",
  ".ods",
  ".txt",
  ".csv",
  ".zip",
  ".rtf"
];
var portalTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];
var inlineTypes = /^(image|video)\//;
var ContentFileService = class {
  constructor(db, store, capMb2) {
    this.db = db;
    this.store = store;
    this.capMb = capMb2;
    this.capBytes = Math.floor(capMb2 * 1024 * 1024);
  }
  db;
  store;
  capMb;
  capBytes;
  /** Checks the owner and the declared type before reading the content, then streams it into the store. */
  async upload(owner, source, declared, actor) {
    const name = cleanFileName(declared.name);
    const mediaType = cleanContentType(declared.contentType);
    const accept = owner.kind === "portal" ? portalTypes : articleTypes;
    if (!fileAccepted(accept, name, mediaType)) throw fail.fileTypeNotAllowed(name, accept);
    if (owner.kind === "article") {
      const found = await this.db.query("select 1 from kb_article where id = ?", [owner.articleId]);
      if (!found.length) throw fail.notFound(`kb article ${owner.articleId}`);
    }
    let blob;
    try {
      blob = await this.store.put(source, this.capBytes);
    } catch (error) {
      if (error instanceof SizeLimitExceeded) throw fail.fileTooLarge(this.capMb);
      throw error;
    }
    const id = randomUUID8();
    await this.db.query(
      `insert into content_file (id, owner, article_id, sha256, name, media_type, size, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        owner.kind,
        owner.kind === "article" ? owner.articleId : null,
        blob.sha256,
        name,
        mediaType,
        blob.size,
        actor.name
      ]
    );
    return { id, name, mediaType, size: blob.size, url: urlOf({ id, owner: owner.kind }) };
  }
  /** The file if the caller may read it: staff always; others the portal's files and those of articles they may read. */
  async find(id, actor) {
    const [row] = await this.db.query(
      `select f.*, a.state, a.audience from content_file f left join kb_article a on a.id = f.article_id where f.id = ?`,
      [id]
    );
    const isStaff = actor?.roles.some((r) => staff.includes(r)) ?? false;
    const readable = row && (row.owner === "portal" || isStaff || row.state === "published" && readableAudiences(actor).includes(row.audience));
    if (!row || !readable) throw fail.notFound(`file ${id}`);
    return {
      id: row.id,
      name: row.name,
      mediaType: row.media_type,
      size: Number(row.size),
      url: urlOf(row),
      sha256: row.sha256,
      owner: row.owner,
      articleId: row.article_id
    };
  }
  async content(file) {
    const stream = await this.store.open(file.sha256);
    if (!stream) throw fail.fileContentMissing();
    return stream;
  }
  /** Images and videos show in the page; anything else downloads. */
  inline(file) {
    return inlineTypes.test(file.mediaType);
  }
};
var urlOf = (row) => row.owner === "portal" ? `/api/v1/portal/assets/${row.id}` : `/api/v1/kb/files/${row.id}`;

// server/src/modules/content-files/index.ts
var contentFilesModule = fp8(
  async (app) => {
    const files = new ContentFileService(app.db, app.fileStore, Math.min(app.settings.fileMaxMb, 50));
    await app.register(contentFileRoutes, { prefix: apiPrefix, files });
  },
  { name: "content-files", dependencies: ["auth"] }
);

// server/src/modules/conversations/index.ts
import fp9 from "fastify-plugin";

// server/src/channels/email/email-adapter.ts
import { randomUUID as randomUUID9 } from "node:crypto";
import {
  replyAboveMarker,
  textWithNumberedButtons
} from "@opora/runtime/conversations";
import nodemailer2 from "nodemailer";

// server/src/channels/email/read-mail.ts
import { createHash as createHash3 } from "node:crypto";
import {
  messageLimits,
  stripQuotedReply
} from "@opora/runtime/conversations";
import { simpleParser } from "mailparser";

// server/src/channels/email/email-settings.ts
var mailLimits = {
  messageBytes: 30 * 1024 * 1024,
  headerBytes: 256 * 1024,
  htmlChars: 2 * 1024 * 1024
};

// server/src/channels/email/read-mail.ts
async function readMail(raw) {
  if (raw.byteLength > mailLimits.messageBytes) return { ok: false, reason: "message too large" };
  const headerEnd = headerBlockEnd(raw);
  if (headerEnd < 0) return { ok: false, reason: "no header block within the limit" };
  const parsed3 = await simpleParser(raw, {
    maxHtmlLengthToParse: mailLimits.htmlChars,
    skipImageLinks: true
  });
  const from = firstAddress(parsed3.from);
  if (!from?.address) return { ok: false, reason: "no sender address" };
  if (isAutomatic(parsed3.headers, from.address))
    return { ok: true, ignored: "automatic reply", messages: [] };
  const threadIds = [parsed3.inReplyTo, ...references(parsed3.references)];
  const replyTo = [...new Set(threadIds.filter((id) => Boolean(id)))];
  const files = attachments(parsed3.attachments);
  if (typeof files === "string") return { ok: false, reason: files };
  const text2 = stripQuotedReply(parsed3.text ?? "").slice(0, messageLimits.text);
  if (!text2 && !files.length) return { ok: true, ignored: "empty message", messages: [] };
  return {
    ok: true,
    messages: [
      {
        from: {
          externalId: from.address.toLowerCase(),
          email: from.address,
          displayName: from.name || void 0
        },
        externalMessageId: parsed3.messageId ?? `sha256:${createHash3("sha256").update(raw).digest("hex")}`,
        message: { text: text2, parts: [], attachments: [] },
        files,
        ...replyTo.length ? { replyTo: replyTo.slice(0, 50) } : {},
        ...parsed3.subject ? { subject: parsed3.subject.slice(0, 300) } : {},
        ...parsed3.date ? { sentAt: parsed3.date.getTime() } : {}
      }
    ]
  };
}
function headerBlockEnd(raw) {
  const window = raw.subarray(0, mailLimits.headerBytes);
  const crlf = window.indexOf("\r\n\r\n");
  if (crlf >= 0) return crlf;
  const lf = window.indexOf("\n\n");
  if (lf >= 0) return lf;
  return raw.byteLength <= mailLimits.headerBytes ? raw.byteLength : -1;
}
function firstAddress(value) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value)[0];
}
function references(value) {
  return Array.isArray(value) ? value : value ? value.split(/\s+/).filter(Boolean) : [];
}
function isAutomatic(headers, from) {
  const submitted = String(headers.get("auto-submitted") ?? "no").toLowerCase();
  if (submitted !== "no") return true;
  if (headers.has("x-autoreply") || headers.has("x-autorespond")) return true;
  const precedence = String(headers.get("precedence") ?? "").toLowerCase();
  if (precedence === "bulk" || precedence === "auto_reply" || precedence === "junk") return true;
  return /^(mailer-daemon|postmaster)@/i.test(from);
}
function attachments(list) {
  if (list.length > messageLimits.attachments)
    return `too many attachments (at most ${messageLimits.attachments})`;
  if (list.some((file) => file.content.byteLength > messageLimits.attachmentBytes))
    return `attachment too large (at most ${messageLimits.attachmentBytes / 1024 / 1024} MB each)`;
  return list.map((file) => ({
    name: (file.filename ?? "attachment").slice(0, 255),
    contentType: file.contentType.slice(0, 255),
    bytes: new Uint8Array(file.content)
  }));
}

// server/src/channels/email/email-adapter.ts
var capabilities = {
  buttons: false,
  files: true,
  typing: false,
  readReceipts: false,
  maxTextLength: 1e5
};
var sendTimeoutMs = 3e4;
var EmailAdapter = class {
  type = "email";
  transports = /* @__PURE__ */ new Map();
  capabilities() {
    return capabilities;
  }
  parseInbound(_settings, raw) {
    return readMail(raw);
  }
  async send(settings, outbound) {
    const domain = settings.address.split("@")[1] ?? "localhost";
    const messageId = `<${outbound.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, "") || randomUUID9()}@${domain}>`;
    const thread = outbound.thread.slice(-20);
    const subject = outbound.subject ?? "\u041E\u0442\u0432\u0435\u0442 \u0441\u043B\u0443\u0436\u0431\u044B \u043F\u043E\u0434\u0434\u0435\u0440\u0436\u043A\u0438";
    try {
      await this.transport(settings).sendMail({
        from: { name: settings.displayName ?? "", address: settings.address },
        to: outbound.to.email ?? outbound.to.externalId,
        subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
        text: `${replyAboveMarker}

${textWithNumberedButtons(outbound.message)}`,
        messageId,
        ...thread.length ? { inReplyTo: thread.at(-1), references: thread } : {},
        attachments: outbound.files.map(({ ref, bytes }) => ({
          filename: ref.name,
          contentType: ref.contentType,
          content: Buffer.from(bytes)
        }))
      });
    } catch (error) {
      throw permanent(error) ? new GiveUp(`SMTP refused the message: ${error.message}`) : error;
    }
    return { externalMessageId: messageId };
  }
  transport(settings) {
    const { host, port, secure, user, password } = settings.smtp;
    const key2 = JSON.stringify([host, port, secure, user, password]);
    let transport = this.transports.get(key2);
    if (!transport) {
      transport = nodemailer2.createTransport({
        host,
        port,
        secure,
        ...user ? { auth: { user, pass: password ?? "" } } : {},
        connectionTimeout: sendTimeoutMs,
        greetingTimeout: sendTimeoutMs,
        socketTimeout: sendTimeoutMs
      });
      this.transports.set(key2, transport);
    }
    return transport;
  }
};
function permanent(error) {
  const code = error?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

// server/src/channels/telegram/send-pacing.ts
var SendPacing = class {
  constructor(now, perChatMs = 1e3, perSecond = 30) {
    this.now = now;
    this.perChatMs = perChatMs;
    this.perSecond = perSecond;
  }
  now;
  perChatMs;
  perSecond;
  nextPerChat = /* @__PURE__ */ new Map();
  recent = [];
  turn(chat) {
    const now = this.now();
    this.forgetBefore(now - 1e3);
    const chatFree = this.nextPerChat.get(chat) ?? now;
    const botFree = this.recent.length < this.perSecond ? now : (this.recent[this.recent.length - this.perSecond] ?? now) + 1e3;
    const at = Math.max(now, chatFree, botFree);
    this.nextPerChat.set(chat, at + this.perChatMs);
    this.recent.push(at);
    this.recent.sort((a, b) => a - b);
    if (this.nextPerChat.size > 1e4) this.forgetIdleChats(now);
    return at - now;
  }
  forgetBefore(limit) {
    while (this.recent.length && this.recent[0] < limit) this.recent.shift();
  }
  forgetIdleChats(now) {
    for (const [chat, free] of this.nextPerChat) if (free <= now) this.nextPerChat.delete(chat);
  }
};

// server/src/channels/telegram/telegram-adapter.ts
import {
  messageLimits as messageLimits3
} from "@opora/runtime/conversations";
import { Api, InputFile } from "grammy";

// server/src/channels/telegram/inline-keyboard.ts
import { offeredButtons } from "@opora/runtime/conversations";
var callbackDataBytes = 64;
function toInlineKeyboard(message2) {
  const buttons = offeredButtons(message2);
  if (!buttons.length) return void 0;
  const rows = buttons.map((button, index) => {
    const data = `#${index}`;
    if (new TextEncoder().encode(data).length > callbackDataBytes) throw new Error("too many buttons");
    return [{ text: button.label, callback_data: data }];
  });
  return { inline_keyboard: rows };
}

// server/src/channels/telegram/parse-update.ts
import { messageLimits as messageLimits2 } from "@opora/runtime/conversations";
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var text = (value, max) => typeof value === "string" ? value.slice(0, max) : void 0;
var integer = (value) => Number.isSafeInteger(value) ? value : void 0;
function readUpdate(update) {
  if (!isObject(update)) return { kind: "refused", reason: "not an object" };
  const updateId = integer(update.update_id);
  if (updateId === void 0) return { kind: "refused", reason: "update_id missing" };
  const externalMessageId = `update:${updateId}`;
  if (isObject(update.message)) return readMessage(update.message, externalMessageId);
  if (isObject(update.callback_query)) return readButton(update.callback_query, externalMessageId);
  return { kind: "ignored", reason: "not a message" };
}
function sender(chat, from) {
  const person = isObject(from) ? from : chat;
  const name = [text(person.first_name, 100), text(person.last_name, 100)].filter(Boolean).join(" ");
  return { externalId: String(chat.id), displayName: name || text(person.username, 100) };
}
function privateChat(message2) {
  const chat = message2.chat;
  return isObject(chat) && chat.type === "private" && integer(chat.id) !== void 0 ? chat : void 0;
}
function readMessage(message2, externalMessageId) {
  const chat = privateChat(message2);
  if (!chat) return { kind: "ignored", reason: "not a private chat" };
  const files = [...photo(message2), ...document(message2)];
  const body = text(message2.text, messageLimits2.text) ?? text(message2.caption, messageLimits2.text) ?? "";
  if (!body && !files.length) return { kind: "ignored", reason: "nothing to keep" };
  const sentAt = integer(message2.date);
  return {
    kind: "message",
    message: {
      from: sender(chat, message2.from),
      externalMessageId,
      message: { text: body, parts: [], attachments: [] },
      ...sentAt ? { sentAt: sentAt * 1e3 } : {}
    },
    files
  };
}
function photo(message2) {
  if (!Array.isArray(message2.photo)) return [];
  const sizes = message2.photo.filter(isObject).filter((p) => typeof p.file_id === "string");
  const largest = sizes.reduce(
    (best, p) => !best || (integer(p.file_size) ?? 0) > (integer(best.file_size) ?? 0) ? p : best,
    void 0
  );
  if (!largest) return [];
  return [
    {
      fileId: String(largest.file_id),
      name: "photo.jpg",
      contentType: "image/jpeg",
      size: integer(largest.file_size)
    }
  ];
}
function document(message2) {
  const doc = message2.document;
  if (!isObject(doc) || typeof doc.file_id !== "string") return [];
  return [
    {
      fileId: doc.file_id,
      name: text(doc.file_name, 255) || "file",
      contentType: text(doc.mime_type, 255) || "application/octet-stream",
      size: integer(doc.file_size)
    }
  ];
}
function readButton(query, externalMessageId) {
  const message2 = isObject(query.message) ? query.message : void 0;
  const chat = message2 && privateChat(message2);
  const data = text(query.data, 64);
  const index = data?.startsWith("#") ? Number(data.slice(1)) : Number.NaN;
  if (!chat || !Number.isSafeInteger(index)) return { kind: "ignored", reason: "not a button of ours" };
  const label = buttonLabel(message2, data) ?? data;
  return {
    kind: "message",
    message: {
      from: sender(chat, query.from),
      externalMessageId,
      message: { text: label, parts: [], attachments: [] },
      pressed: { index, label }
    },
    files: []
  };
}
function buttonLabel(message2, data) {
  const markup = message2.reply_markup;
  if (!isObject(markup) || !Array.isArray(markup.inline_keyboard)) return void 0;
  for (const row of markup.inline_keyboard)
    if (Array.isArray(row)) {
      for (const button of row)
        if (isObject(button) && button.callback_data === data) return text(button.text, 100);
    }
  return void 0;
}

// server/src/channels/telegram/send-errors.ts
import { GrammyError, HttpError } from "grammy";
function sendFailure(error) {
  if (error instanceof GrammyError) {
    const wait = error.parameters?.retry_after;
    if (error.error_code === 429 && typeof wait === "number")
      return new RetryLater(error.description, wait * 1e3);
    if (error.error_code === 400 || error.error_code === 403)
      return new GiveUp(`Telegram: ${error.description}`);
    return new Error(`Telegram: ${error.description}`);
  }
  if (error instanceof HttpError) return new Error(`Telegram did not answer: ${error.message}`);
  return error instanceof Error ? error : new Error(String(error));
}

// server/src/channels/telegram/telegram-settings.ts
var defaultApiRoot = "https://api.telegram.org";

// server/src/channels/telegram/telegram-adapter.ts
var capabilities2 = {
  buttons: true,
  files: true,
  typing: true,
  readReceipts: false,
  maxTextLength: 4096
};
var longestInlineWaitMs = 3e3;
var downloadTimeoutMs = 3e4;
var TelegramAdapter = class {
  constructor(pacing) {
    this.pacing = pacing;
  }
  pacing;
  type = "telegram";
  apis = /* @__PURE__ */ new Map();
  capabilities() {
    return capabilities2;
  }
  async parseInbound(settings, update) {
    const read = readUpdate(update);
    if (read.kind === "refused") return { ok: false, reason: read.reason };
    if (read.kind === "ignored") return { ok: true, ignored: read.reason, messages: [] };
    const files = await Promise.all(read.files.map((ref) => this.download(settings, ref)));
    return {
      ok: true,
      messages: [{ ...read.message, files: files.filter((f) => f !== null) }]
    };
  }
  /** Stops the spinner on a pressed inline button (Telegram shows it until the bot answers the callback). */
  async answerButton(settings, callbackQueryId2) {
    await this.api(settings).answerCallbackQuery(callbackQueryId2);
  }
  async send(settings, outbound) {
    const chat = outbound.to.externalId;
    const wait = this.pacing.turn(chat);
    if (wait > longestInlineWaitMs) throw new RetryLater("Telegram send limit", wait);
    if (wait > 0) await new Promise((resolve4) => setTimeout(resolve4, wait));
    const api = this.api(settings);
    const reply_markup = toInlineKeyboard(outbound.message);
    try {
      let last;
      for (const { ref, bytes } of outbound.files) {
        const file = new InputFile(bytes, ref.name);
        last = ref.contentType.startsWith("image/") ? await api.sendPhoto(chat, file) : await api.sendDocument(chat, file);
      }
      if (outbound.message.text || reply_markup)
        last = await api.sendMessage(
          chat,
          outbound.message.text.slice(0, capabilities2.maxTextLength) || "\u2026",
          {
            ...reply_markup ? { reply_markup } : {}
          }
        );
      if (!last) throw new Error("nothing to send");
      return { externalMessageId: `${chat}:${last.message_id}` };
    } catch (error) {
      throw sendFailure(error);
    }
  }
  /** A file the update names, fetched from the Bot API; null when it is too large to keep. */
  async download(settings, ref) {
    if (ref.size !== void 0 && ref.size > messageLimits3.attachmentBytes) return null;
    const file = await this.api(settings).getFile(ref.fileId);
    if (!file.file_path || (file.file_size ?? 0) > messageLimits3.attachmentBytes) return null;
    const root = settings.apiRoot ?? defaultApiRoot;
    const response = await fetch(`${root}/file/bot${settings.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(downloadTimeoutMs)
    });
    if (!response.ok || !response.body) throw new Error(`Telegram file download answered ${response.status}`);
    const bytes = await readCapped(response.body, messageLimits3.attachmentBytes);
    return bytes ? { name: ref.name, contentType: ref.contentType, bytes } : null;
  }
  api(settings) {
    const key2 = `${settings.apiRoot ?? defaultApiRoot}|${settings.token}`;
    let api = this.apis.get(key2);
    if (!api) {
      api = new Api(settings.token, { apiRoot: settings.apiRoot ?? defaultApiRoot });
      this.apis.set(key2, api);
    }
    return api;
  }
};
async function readCapped(body, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

// server/src/channels/webhook/webhook-adapter.ts
import {
  messageLimits as messageLimits4,
  offeredButtons as offeredButtons2
} from "@opora/runtime/conversations";

// server/src/channels/webhook/webhook-signature.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var signatureHeaders = { timestamp: "x-opora-timestamp", signature: "x-opora-signature" };
var toleranceSeconds = 300;
function sign(secret, timestamp2, body) {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp2}.${body}`).digest("hex")}`;
}
function verify(secret, headers, body, nowSeconds) {
  const { timestamp: timestamp2, signature } = headers;
  if (!timestamp2 || !signature) return "missing";
  if (!/^\d{1,12}$/.test(timestamp2)) return "mismatch";
  if (Math.abs(nowSeconds - Number(timestamp2)) > toleranceSeconds) return "stale";
  const expected = Buffer.from(sign(secret, Number(timestamp2), body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? "ok" : "mismatch";
}

// server/src/channels/webhook/webhook-adapter.ts
var capabilities3 = {
  buttons: true,
  files: true,
  typing: false,
  readReceipts: false,
  maxTextLength: messageLimits4.text
};
var WebhookAdapter = class {
  constructor(gateway, clock) {
    this.gateway = gateway;
    this.clock = clock;
  }
  gateway;
  clock;
  type = "webhook";
  capabilities() {
    return capabilities3;
  }
  async parseInbound(_settings, body) {
    const files = (body.files ?? []).map((file) => ({
      name: file.name,
      contentType: file.contentType,
      bytes: new Uint8Array(Buffer.from(file.base64, "base64"))
    }));
    if (!body.text?.trim() && !files.length && body.pressed === void 0)
      return { ok: true, ignored: "empty message", messages: [] };
    return {
      ok: true,
      messages: [
        {
          from: {
            externalId: body.from.id,
            displayName: body.from.name,
            email: body.from.email,
            phone: body.from.phone
          },
          externalMessageId: body.messageId,
          message: { text: body.text ?? "", parts: [], attachments: [] },
          files,
          ...body.pressed !== void 0 ? { pressed: { index: body.pressed, label: body.text ?? "" } } : {}
        }
      ]
    };
  }
  async send(settings, outbound) {
    const payload = {
      event: "message",
      messageId: outbound.idempotencyKey,
      to: { id: outbound.to.externalId },
      text: outbound.message.text,
      buttons: offeredButtons2(outbound.message).map((button, index) => ({ index, label: button.label })),
      files: outbound.files.map(({ ref, bytes }) => ({
        name: ref.name,
        contentType: ref.contentType,
        base64: Buffer.from(bytes).toString("base64")
      }))
    };
    const body = JSON.stringify(payload);
    const timestamp2 = Math.floor(this.clock.now() / 1e3);
    const url = new URL(settings.outboundUrl);
    const response = await this.gateway.fetch(
      {
        allowedHosts: [url.hostname],
        allowedAddresses: settings.allowedAddresses,
        timeoutMs: 15e3,
        maxResponseBytes: 64 * 1024
      },
      {
        url: settings.outboundUrl,
        method: "POST",
        headers: {
          "content-type": "application/json",
          [signatureHeaders.timestamp]: String(timestamp2),
          [signatureHeaders.signature]: sign(settings.secret, timestamp2, body)
        },
        body
      }
    ).catch(refusalToFailure);
    if (response.status >= 200 && response.status < 300) return { externalMessageId: payload.messageId };
    if (response.status === 429)
      throw new RetryLater("the gateway asked to slow down", retryAfterMs(response.headers["retry-after"]));
    if (response.status >= 400 && response.status < 500 && response.status !== 408)
      throw new GiveUp(`the gateway refused the message: HTTP ${response.status}`);
    throw new Error(`the gateway answered HTTP ${response.status}`);
  }
};
function retryAfterMs(header) {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1e3 : 3e4;
}
function refusalToFailure(error) {
  if (error instanceof GatewayRefusal && error.reason !== "timeout")
    throw new GiveUp(`webhook refused: ${error.message}`);
  throw error;
}

// server/src/db/session-locks.ts
import pg from "pg";
function sessionLocks(db) {
  const url = db.orm.config.get("clientUrl");
  if (db.kind === "postgresql" && url) return new AdvisoryLocks(url);
  const taken = localHolders.get(db) ?? /* @__PURE__ */ new Set();
  localHolders.set(db, taken);
  return new LocalLocks(taken);
}
var namespace = "opora.session-lock";
var AdvisoryLocks = class {
  constructor(url) {
    this.url = url;
  }
  url;
  client = null;
  connecting = null;
  /** Bumped when the connection is lost: locks taken on an earlier one are no longer held. */
  session = 0;
  names = /* @__PURE__ */ new Set();
  closed = false;
  async tryLock(name) {
    if (this.closed || this.names.has(name)) return null;
    this.names.add(name);
    try {
      const client = await this.connect();
      const session = this.session;
      const { rows } = await client.query(
        "select pg_try_advisory_lock(hashtext($1), hashtext($2)) as taken",
        [namespace, name]
      );
      if (!rows[0]?.taken || session !== this.session) {
        this.names.delete(name);
        return null;
      }
      return this.lock(name, client, session);
    } catch (error) {
      this.names.delete(name);
      throw error;
    }
  }
  async close() {
    this.closed = true;
    const client = this.client;
    this.dropped();
    await client?.query("select pg_advisory_unlock_all()").catch(() => void 0);
    await client?.end().catch(() => void 0);
  }
  lock(name, client, session) {
    let released = false;
    const locks = this;
    return {
      get held() {
        return !released && session === locks.session;
      },
      async release() {
        if (released) return;
        released = true;
        locks.names.delete(name);
        if (session !== locks.session) return;
        await client.query("select pg_advisory_unlock(hashtext($1), hashtext($2))", [namespace, name]).catch(() => void 0);
      }
    };
  }
  connect() {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }
  async open() {
    const client = new pg.Client({ connectionString: this.url });
    client.on("error", () => {
      if (this.client === client) this.dropped();
      client.end().catch(() => void 0);
    });
    client.on("end", () => {
      if (this.client === client) this.dropped();
    });
    await client.connect();
    if (this.closed) {
      await client.end().catch(() => void 0);
      throw new Error("session locks closed");
    }
    this.client = client;
    return client;
  }
  dropped() {
    this.client = null;
    this.session += 1;
    this.names.clear();
  }
};
var localHolders = /* @__PURE__ */ new WeakMap();
var LocalLocks = class {
  constructor(taken) {
    this.taken = taken;
  }
  taken;
  mine = /* @__PURE__ */ new Set();
  async tryLock(name) {
    if (this.taken.has(name)) return null;
    this.taken.add(name);
    this.mine.add(name);
    let released = false;
    const locks = this;
    return {
      get held() {
        return !released && locks.mine.has(name);
      },
      async release() {
        if (released) return;
        released = true;
        locks.drop(name);
      }
    };
  }
  async close() {
    for (const name of this.mine) this.drop(name);
  }
  drop(name) {
    if (!this.mine.delete(name)) return;
    this.taken.delete(name);
  }
};

// server/src/modules/conversations/answer-upload-routes.ts
import fastifyMultipart2 from "@fastify/multipart";
import { AttachmentRefSchema, messageLimits as messageLimits5 } from "@opora/runtime/conversations";
var capBytes = messageLimits5.attachmentBytes;
var capMb = Math.floor(capBytes / (1024 * 1024));
var answerUploadRoutes = async (app) => {
  await app.register(fastifyMultipart2, {
    throwFileSizeLimit: false,
    limits: { fileSize: capBytes + 1, files: 1, fields: 0, parts: 1, headerPairs: 20 }
  });
  app.post(
    "/conversations/:id/attachments",
    {
      config: { access: contactCentre },
      schema: {
        tags: ["conversations"],
        summary: `Upload one file (multipart, field "file", up to ${capMb} MB) for an answer in this conversation`,
        params: IdParams,
        consumes: ["multipart/form-data"],
        response: { 201: AttachmentRefSchema, 413: ErrorResponse, 415: ErrorResponse, ...errorResponses }
      }
    },
    async (request, reply) => {
      const [known2] = await app.db.query("select 1 from conversation where id = ?", [request.params.id]);
      if (!known2) throw fail.notFound("conversation");
      const ref = await receiveUpload(
        request,
        reply,
        { bytes: capBytes, mb: capMb },
        async (_fields, part) => {
          const blob = await app.fileStore.put(part.file, capBytes).catch((error) => {
            throw error instanceof SizeLimitExceeded ? fail.fileTooLarge(capMb) : error;
          });
          return {
            fileId: blob.sha256,
            name: cleanFileName(part.filename),
            contentType: cleanContentType(part.mimetype),
            size: blob.size
          };
        }
      );
      return reply.status(201).send(ref);
    }
  );
};

// server/src/modules/conversations/channel-registry.ts
var ChannelRegistry = class {
  /** `published`: where keys nobody registered are looked up (the published channel definitions). */
  constructor(published) {
    this.published = published;
  }
  published;
  channels = /* @__PURE__ */ new Map();
  /**
   * `load` reads the settings (and their secrets) when a send needs them, so a changed secret takes effect; `em`
   * is the sending job's transaction, for loads that read the database.
   */
  register(key2, load) {
    this.channels.set(key2, load);
  }
  unregister(key2) {
    this.channels.delete(key2);
  }
  async resolve(channelKey, em) {
    const registered = this.channels.get(channelKey);
    if (registered) return registered(em);
    return await this.published?.resolve(channelKey, em) ?? null;
  }
};

// server/src/modules/conversations/conversation-push.ts
async function clientParty(db, tx, conversation) {
  const [row] = await db.query(
    `select c.channel, c.external_id,
       (select array_agg(u.id) from app_user u where u.active and u.record_id = ?::uuid) as users
     from contact c where c.id = ?`,
    [conversation.clientRecordId, conversation.contactId],
    tx
  );
  return row ? { channel: row.channel, externalId: row.external_id, users: row.users ?? [] } : null;
}
function audience(conversation, internal, party) {
  const staff2 = [liveAddress.contactCentre, liveAddress.conversation(conversation.id)];
  if (internal || !party) return staff2;
  const client = party.users.map(liveAddress.user);
  if (party.channel === "widget") client.push(liveAddress.visitor(party.externalId));
  return [...staff2, ...client];
}
function messagePush(message2) {
  const whole = { type: "message", message: message2 };
  if (fitsLivePayload(JSON.stringify(whole))) return whole;
  return { type: "message", message: { ...message2, text: "", parts: [], attachments: [] }, partial: true };
}
async function pushMessage(hub, db, tx, conversation, message2, party) {
  const known2 = party !== void 0 || message2.internal ? party : await clientParty(db, tx, conversation);
  await hub.send(tx, audience(conversation, message2.internal, known2 ?? null), messagePush(message2));
}

// server/src/modules/conversations/conversation-routes.ts
import { Type as Type17 } from "@sinclair/typebox";

// server/src/modules/conversations/answer-attachments.ts
import { stat as stat2 } from "node:fs/promises";
async function checkAnswerAttachments(store, refs) {
  const checked2 = [];
  for (const [i, ref] of refs.entries()) {
    const size = await storedSize(store, ref.fileId);
    if (size === void 0)
      throw fail.validation([
        {
          pointer: `/attachments/${i}/fileId`,
          message: { key: "not_found", params: { what: ref.name } },
          code: "file_missing"
        }
      ]);
    checked2.push({ ...ref, size });
  }
  return checked2;
}
async function storedSize(store, fileId) {
  if (!/^[0-9a-f]{64}$/.test(fileId)) return void 0;
  try {
    return (await stat2(store.blobPath(fileId))).size;
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}

// server/src/modules/conversations/conversation-list.ts
var contactSummary = (row) => {
  const { id, channel, displayName, email, phone } = contactView(row);
  return { id, channel, displayName, email, phone };
};
async function listConversations(db, query) {
  const scope = query.scope;
  const mine = scope && "mine" in scope ? scope.mine : null;
  const queueOf = scope && "queueOf" in scope ? toPgArray(scope.queueOf) : null;
  const rows = await db.query(
    `select c.*, row_to_json(k) as contact_row, row_to_json(m) as message_row,
            coalesce(r.last_read_seq, 0) as last_read_seq,
            (select count(*) from message u where u.conversation_id = c.id and u.direction = 'in'
                and u.seq > coalesce(r.last_read_seq, 0)) as unread
       from conversation c
       join contact k on k.id = c.contact_id
       left join conversation_read r on r.conversation_id = c.id and r.user_id = ?
       left join lateral (select * from message where conversation_id = c.id order by seq desc limit 1) m on true
      where (?::text is null or c.status = ?)
        and c.message_count > 0 -- a request's thread nobody wrote in yet is no dialog
        and (?::uuid is null or (c.status = 'open' and c.handler = 'operator' and c.operator_id = ?::uuid))
        and (?::text[] is null or (c.status = 'open' and c.handler = 'queue'
              and (c.line_key is null or c.line_key = any(?::text[]))))
      order by ${queueOf ? "c.priority desc, c.queued_at, c.id" : "c.last_message_at desc, c.id desc"}
      limit ? offset ?`,
    [
      query.userId,
      query.status ?? null,
      query.status ?? null,
      mine,
      mine,
      queueOf,
      queueOf,
      query.limit + 1,
      query.offset
    ]
  );
  const items = rows.slice(0, query.limit).map((row) => {
    return {
      ...conversationView(row),
      contact: contactSummary(row.contact_row),
      lastMessage: row.message_row ? messageView(row.message_row) : null,
      lastReadSeq: Number(row.last_read_seq),
      unread: Number(row.unread)
    };
  });
  return { items, hasMore: rows.length > query.limit, limit: query.limit, offset: query.offset };
}
async function conversationMessages(db, conversationId, query) {
  const [conversation] = await db.query(
    "select c.*, row_to_json(k) as contact_row from conversation c join contact k on k.id = c.contact_id where c.id = ?",
    [conversationId]
  );
  if (!conversation) throw fail.notFound("conversation");
  const messages = query.beforeSeq === void 0 ? await db.query(
    "select * from message where conversation_id = ? and seq > ? order by seq limit ?",
    [conversationId, query.afterSeq, query.limit]
  ) : (await db.query(
    "select * from message where conversation_id = ? and seq > ? and seq < ? order by seq desc limit ?",
    [conversationId, query.afterSeq, query.beforeSeq, query.limit]
  )).reverse();
  return {
    conversation: conversationView(conversation),
    contact: contactSummary(conversation.contact_row),
    messages: messages.map(messageView)
  };
}

// server/src/modules/conversations/conversation-schemas.ts
import { AttachmentRefSchema as AttachmentRefSchema2, MessagePartSchema, messageLimits as messageLimits6 } from "@opora/runtime/conversations";
import { Type as Type16 } from "@sinclair/typebox";
var Timestamp = Type16.String({ format: "date-time" });
var Nullable2 = (schema) => Type16.Union([schema, Type16.Null()]);
var ConversationSchema = Type16.Object({
  id: Uuid,
  channel: Type16.String(),
  channelKey: Type16.String(),
  lineKey: Nullable2(Type16.String()),
  contactId: Uuid,
  clientRecordId: Nullable2(Uuid),
  requestRecordId: Nullable2(Uuid),
  subject: Nullable2(Type16.String()),
  status: Type16.Union([Type16.Literal("open"), Type16.Literal("closed")]),
  handler: Type16.Union([Type16.Literal("bot"), Type16.Literal("queue"), Type16.Literal("operator")]),
  operatorId: Nullable2(Uuid),
  messageCount: Type16.Integer(),
  openedAt: Timestamp,
  lastMessageAt: Timestamp,
  firstResponseAt: Nullable2(Timestamp),
  resolvedAt: Nullable2(Timestamp),
  closedAt: Nullable2(Timestamp)
});
var MessageSchema = Type16.Object({
  id: Uuid,
  conversationId: Uuid,
  seq: Type16.Integer(),
  direction: Type16.Union([Type16.Literal("in"), Type16.Literal("out")]),
  authorKind: Type16.Union(["client", "bot", "operator", "system"].map((k) => Type16.Literal(k))),
  authorUserId: Nullable2(Uuid),
  internal: Type16.Boolean(),
  text: Type16.String(),
  parts: Type16.Array(MessagePartSchema),
  attachments: Type16.Array(AttachmentRefSchema2),
  clientMessageId: Nullable2(Type16.String()),
  externalId: Nullable2(Type16.String()),
  delivery: Nullable2(
    Type16.Union(["queued", "sent", "delivered", "read", "failed"].map((k) => Type16.Literal(k)))
  ),
  deliveryError: Type16.Optional(Nullable2(Type16.String())),
  createdAt: Timestamp
});
var ContactSummarySchema = Type16.Object({
  id: Uuid,
  channel: Type16.String(),
  displayName: Nullable2(Type16.String()),
  email: Nullable2(Type16.String()),
  phone: Nullable2(Type16.String())
});
var ConversationListItemSchema = Type16.Composite([
  ConversationSchema,
  Type16.Object({
    contact: ContactSummarySchema,
    lastMessage: Nullable2(MessageSchema),
    lastReadSeq: Type16.Integer(),
    unread: Type16.Integer()
  })
]);
var answerText = () => Type16.String({ minLength: 1, maxLength: messageLimits6.text, pattern: "\\S" });
var AnswerInputSchema = Type16.Object(
  {
    text: answerText(),
    internal: Type16.Optional(Type16.Boolean()),
    clientMessageId: Type16.Optional(
      Type16.String({ minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$" })
    )
  },
  { additionalProperties: false }
);
var ConversationAnswerInputSchema = Type16.Object(
  {
    ...AnswerInputSchema.properties,
    text: Type16.Optional(answerText()),
    attachments: Type16.Optional(Type16.Array(AttachmentRefSchema2, { maxItems: messageLimits6.attachments }))
  },
  { additionalProperties: false }
);
var TimelineCursor = Type16.String({ maxLength: 100 });

// server/src/modules/conversations/conversation-routes.ts
var tags5 = ["conversations"];
var conversationRoutes = async (app, { conversations, records }) => {
  const { db } = app;
  const config3 = { access: contactCentre };
  const actor = (request) => request.actor;
  app.get(
    "/conversations",
    {
      config: config3,
      schema: {
        tags: tags5,
        summary: "Conversations of every channel, most recently active first, with the last message",
        querystring: Type17.Object(
          {
            status: Type17.Optional(Type17.Union([Type17.Literal("open"), Type17.Literal("closed")])),
            limit: Type17.Optional(Type17.Integer({ minimum: 1, maximum: 100, default: 30 })),
            offset: Type17.Optional(Type17.Integer({ minimum: 0, maximum: maxOffset, default: 0 }))
          },
          { additionalProperties: false }
        ),
        response: {
          200: Type17.Object({
            items: Type17.Array(ConversationListItemSchema),
            hasMore: Type17.Boolean(),
            limit: Type17.Integer(),
            offset: Type17.Integer()
          }),
          ...errorResponses
        }
      }
    },
    (request) => listConversations(db, {
      status: request.query.status,
      limit: request.query.limit ?? 30,
      offset: request.query.offset ?? 0,
      userId: actor(request).id
    })
  );
  app.get(
    "/conversations/:id/messages",
    {
      config: config3,
      schema: {
        tags: tags5,
        summary: "A conversation and its messages after `afterSeq` (0: from the start), or the latest before `beforeSeq`, oldest first",
        params: IdParams,
        querystring: Type17.Object(
          {
            afterSeq: Type17.Optional(
              Type17.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })
            ),
            beforeSeq: Type17.Optional(Type17.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
            limit: Type17.Optional(Type17.Integer({ minimum: 1, maximum: 500, default: 200 }))
          },
          { additionalProperties: false }
        ),
        response: {
          200: Type17.Object({
            conversation: ConversationSchema,
            contact: ContactSummarySchema,
            messages: Type17.Array(MessageSchema)
          }),
          ...errorResponses
        }
      }
    },
    (request) => conversationMessages(db, request.params.id, {
      afterSeq: request.query.afterSeq ?? 0,
      beforeSeq: request.query.beforeSeq,
      limit: request.query.limit ?? 200
    })
  );
  app.post(
    "/conversations/:id/messages",
    {
      config: config3,
      schema: {
        tags: tags5,
        summary: "Answer a conversation (or leave an internal note) with text, uploaded files or both; a repeated clientMessageId answers once",
        params: IdParams,
        body: ConversationAnswerInputSchema,
        response: { 201: MessageSchema, ...errorResponses }
      }
    },
    async (request, reply) => {
      const { text: text2 = "", internal, clientMessageId, attachments: attachments2 = [] } = request.body;
      if (!text2 && !attachments2.length)
        throw fail.validation([{ pointer: "/text", message: { key: "answer_empty" }, code: "required" }]);
      const message2 = await conversations.answer(
        request.params.id,
        {
          authorKind: "operator",
          internal,
          clientMessageId,
          message: { text: text2, parts: [], attachments: await checkAnswerAttachments(app.fileStore, attachments2) }
        },
        actor(request)
      );
      return reply.status(201).send(message2);
    }
  );
  app.get(
    "/records/:entity/:id/conversations",
    {
      config: config3,
      schema: {
        tags: tags5,
        summary: "The client card\u2019s timeline: the client\u2019s conversations of every channel with their messages",
        params: Type17.Object(
          { entity: Type17.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" }), id: Uuid },
          { additionalProperties: false }
        ),
        querystring: Type17.Object(
          {
            before: Type17.Optional(TimelineCursor),
            limit: Type17.Optional(Type17.Integer({ minimum: 1, maximum: 20, default: 10 }))
          },
          { additionalProperties: false }
        ),
        response: {
          200: Type17.Object({
            conversations: Type17.Array(ConversationSchema),
            messages: Type17.Array(MessageSchema),
            contacts: Type17.Array(ContactSummarySchema),
            nextBefore: Type17.Optional(Type17.String())
          }),
          ...errorResponses
        }
      }
    },
    async (request) => {
      await records.get(request.params.entity, request.params.id, actor(request));
      return conversations.timeline(request.params.id, request.query);
    }
  );
  app.post(
    "/contacts/:id/merge",
    {
      config: config3,
      schema: {
        tags: tags5,
        summary: "Put a contact (and its card\u2019s other contacts) on another client card; both histories stay",
        params: IdParams,
        body: Type17.Object({ clientRecordId: Uuid }, { additionalProperties: false }),
        response: {
          200: Type17.Object({ movedContacts: Type17.Integer(), movedConversations: Type17.Integer() }),
          ...errorResponses
        }
      }
    },
    (request) => conversations.mergeContact(request.params.id, request.body.clientRecordId, actor(request))
  );
};

// server/src/modules/conversations/conversation-store.ts
import { messageLimits as messageLimits8 } from "@opora/runtime/conversations";

// server/src/modules/portal-account/portal-mapping.ts
import { portalKey } from "@opora/runtime/definitions";
async function portalAccount(definitions, em) {
  const portal2 = await definitions.latestPublished("portal", portalKey, em);
  return portal2?.body?.account ?? null;
}
async function publishedEntity(definitions, key2, em) {
  return (await definitions.latestPublished("entity", key2, em))?.body ?? null;
}
async function linkedRecord(db, userId, em) {
  const [row] = await db.query(
    "select record_id from app_user where id = ?",
    [userId],
    em
  );
  return row?.record_id ?? null;
}
var relationIds = (value) => (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string");
function pointsAt(field, id) {
  return {
    sql: "(data @> ?::jsonb or data @> ?::jsonb)",
    params: [JSON.stringify({ [field]: id }), JSON.stringify({ [field]: [id] })]
  };
}

// server/src/modules/conversations/contact-upsert.ts
import { randomUUID as randomUUID10 } from "node:crypto";
import {
  comparableEmail,
  comparablePhone
} from "@opora/runtime/conversations";
var longestName = 200;
var contactColumns = "id, channel, channel_key, external_id, display_name, email, phone, created_at, updated_at";
var contactRefresh = `on conflict (channel_key, external_id) do update set
       display_name = coalesce(excluded.display_name, contact.display_name),
       email = coalesce(excluded.email, contact.email),
       phone = coalesce(excluded.phone, contact.phone),
       updated_at = excluded.updated_at
     returning *`;
var contactValues = (channel, identity, now) => [
  randomUUID10(),
  channel.type,
  channel.key,
  identity.externalId,
  identity.displayName?.trim().slice(0, longestName) || null,
  comparableEmail(identity.email) ?? null,
  comparablePhone(identity.phone) ?? null,
  now,
  now
];
async function upsertContact(db, tx, channel, identity, now) {
  const [row] = await db.query(
    `insert into contact (${contactColumns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?) ${contactRefresh}`,
    contactValues(channel, identity, now),
    tx
  );
  if (!row) throw new Error("contact upsert returned no row");
  return contactView(row);
}

// server/src/modules/conversations/arrival.ts
async function claimArrival(db, tx, channel, inbound, now) {
  const [row] = await db.query(
    `with claim as (
       insert into channel_inbound (channel_key, external_id, received_at) values (?, ?, ?)
       on conflict do nothing returning external_id)
     insert into contact (${contactColumns})
     select ?, ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from claim)
     ${contactRefresh}`,
    [channel.key, inbound.externalMessageId, now, ...contactValues(channel, inbound.from, now)],
    tx
  );
  return row ? contactView(row) : null;
}

// server/src/modules/conversations/channel-directory.ts
var sentByAdapter = (type) => type !== "widget";

// server/src/modules/conversations/client-recognition.ts
async function knownClient(db, tx, account, addresses) {
  const { email, phone } = addresses;
  if (!email && !phone) return null;
  const [viaContact] = await db.query(
    `select client_record_id from contact
      where client_record_id is not null and ((email = ? and ? is not null) or (phone = ? and ? is not null))
      order by created_at limit 1`,
    [email ?? null, email ?? null, phone ?? null, phone ?? null],
    tx
  );
  if (viaContact) return viaContact.client_record_id;
  if (!account || !email) return null;
  const holding = (address) => JSON.stringify({ [account.clientEmail]: address });
  const [viaRecord] = await db.query(
    `select id from record where entity = ? and deleted_at is null and (data @> ?::jsonb or data @> ?::jsonb)
      order by created_at limit 1`,
    [account.clients, holding(email), holding(addresses.emailAsWritten?.trim() ?? email)],
    tx
  );
  return viaRecord?.id ?? null;
}

// server/src/modules/conversations/client-for-contact.ts
async function clientForContact(context, contact, identity) {
  if (contact.clientRecordId) return contact.clientRecordId;
  const { db, tx, account } = context;
  const known2 = await knownClient(db, tx, account, {
    email: contact.email ?? void 0,
    phone: contact.phone ?? void 0,
    emailAsWritten: identity.email
  });
  const client = known2 ?? await newClient(context, contact, identity);
  if (client)
    await db.query("update contact set client_record_id = ? where id = ?", [client, contact.id], tx);
  return client;
}
async function newClient(context, contact, identity) {
  const { account, records, tx } = context;
  const name = contact.displayName ?? contact.email ?? contact.phone;
  if (!account || !name) return null;
  const fields = { [account.clientName]: name };
  if (contact.email) fields[account.clientEmail] = identity.email?.trim() || contact.email;
  try {
    const record = await records.create(account.clients, fields, null, "ru", { em: tx, grantedBy: "portal" });
    await tx.flush();
    return record.id;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return null;
    throw error;
  }
}

// server/src/modules/conversations/inbound.ts
import { randomUUID as randomUUID11 } from "node:crypto";
async function claimInbound(db, tx, channelKey, externalId, now) {
  const claimed = await db.query(
    `insert into channel_inbound (channel_key, external_id, received_at) values (?, ?, ?)
     on conflict do nothing returning external_id`,
    [channelKey, externalId, now],
    tx
  );
  return claimed.length > 0;
}
async function earlierInbound(db, tx, channelKey, externalId) {
  const [row] = await db.query(
    `select m.* from channel_inbound i join message m on m.id = i.message_id
      where i.channel_key = ? and i.external_id = ?`,
    [channelKey, externalId],
    tx
  );
  return row ? messageView(row) : null;
}
async function conversationFor(db, tx, contact, inbound, now) {
  const threaded = inbound.replyTo?.length ? await db.query(
    `update conversation c set status = 'open', closed_at = null, resolved_at = null,
           handler = case when c.status = 'closed' then 'queue' else c.handler end
          where c.id = (select m.conversation_id from message m join conversation mc on mc.id = m.conversation_id
                         where m.external_id = any(?::text[]) and mc.contact_id in
                           (select id from contact where id = ? or client_record_id = ? or email = ?)
                         order by m.seq desc limit 1)
          returning *`,
    [toPgArray(inbound.replyTo.slice(0, 50)), contact.id, contact.clientRecordId, contact.email],
    tx
  ) : [];
  if (threaded[0])
    return { conversation: conversationView(threaded[0]), opened: false, queued: isQueued(threaded[0]) };
  const [open2] = await db.query(
    `select * from conversation where contact_id = ? and status = 'open'
      order by last_message_at desc limit 1 for update`,
    [contact.id],
    tx
  );
  if (open2) return { conversation: conversationView(open2), opened: false, queued: isQueued(open2) };
  const [created] = await db.query(
    `insert into conversation (id, channel, channel_key, contact_id, client_record_id, subject, status, handler,
       opened_at, last_message_at)
     values (?, ?, ?, ?, ?, ?, 'open', 'queue', ?, ?) returning *`,
    [
      randomUUID11(),
      contact.channel,
      contact.channelKey,
      contact.id,
      contact.clientRecordId,
      inbound.subject?.trim().slice(0, 300) || null,
      now,
      now
    ],
    tx
  );
  if (!created) throw new Error("conversation insert returned no row");
  return { conversation: conversationView(created), opened: true, queued: false };
}
var isQueued = (row) => row.queued_at != null;
async function appendInbound(db, tx, channel, conversation, inbound, now) {
  const [row] = await db.query(
    `insert into message (id, conversation_id, direction, author_kind, text, parts, attachments, external_id,
       created_at)
     values (?, ?, 'in', 'client', ?, ?::jsonb, ?::jsonb, ?, ?) returning *`,
    [
      randomUUID11(),
      conversation.id,
      inbound.message.text,
      JSON.stringify(inbound.message.parts),
      JSON.stringify(inbound.message.attachments),
      inbound.externalMessageId,
      now
    ],
    tx
  );
  if (!row) throw new Error("message insert returned no row");
  const message2 = messageView(row);
  await db.query(
    `update conversation set message_count = message_count + 1, last_message_at = ? where id = ?`,
    [now, conversation.id],
    tx
  );
  await db.query(
    "update channel_inbound set message_id = ? where channel_key = ? and external_id = ?",
    [message2.id, channel.key, inbound.externalMessageId],
    tx
  );
  audit(tx, null, {
    action: "create",
    targetType: "message",
    targetId: message2.id,
    after: { conversationId: conversation.id, channel: channel.key, externalId: inbound.externalMessageId },
    at: now
  });
  return message2;
}

// server/src/modules/conversations/inbound-files.ts
import { Readable } from "node:stream";
import { messageLimits as messageLimits7 } from "@opora/runtime/conversations";
async function readAttachments(store, refs) {
  return Promise.all(
    refs.map(async (ref) => {
      const stream = await store.open(ref.fileId);
      if (!stream) throw new Error(`attachment ${ref.name} is missing from the file store`);
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      return { ref, bytes: new Uint8Array(Buffer.concat(chunks)) };
    })
  );
}
async function storeInboundFiles(store, files) {
  const refs = [];
  for (const file of files.slice(0, messageLimits7.attachments))
    refs.push(await storeAttachment(store, Readable.from([Buffer.from(file.bytes)]), file));
  return refs;
}
async function storeAttachment(store, content, declared) {
  const { sha256: sha2562, size } = await store.put(content, messageLimits7.attachmentBytes);
  return {
    fileId: sha2562,
    name: declared.name.slice(0, 255) || "file",
    contentType: declared.contentType.slice(0, 255),
    size
  };
}

// server/src/modules/conversations/merge-contacts.ts
async function mergeContactInto(db, tx, contactId, target, actor, now) {
  const { clientRecordId } = target;
  const [contact] = await db.query(
    "select client_record_id from contact where id = ? for update",
    [contactId],
    tx
  );
  if (!contact) throw fail.notFound("contact");
  const [client] = await db.query(
    "select 1 from record where id = ? and deleted_at is null",
    [clientRecordId],
    tx
  );
  if (!client) throw fail.notFound("record");
  const former = contact.client_record_id;
  if (former === clientRecordId) return { movedContacts: 0, movedConversations: 0 };
  const moved = await db.query(
    "update contact set client_record_id = ?, updated_at = ? where id = ? or (? is not null and client_record_id = ?) returning id",
    [clientRecordId, now, contactId, former, former],
    tx
  );
  const contactIds = moved.map((row) => row.id);
  const conversations = await db.query(
    `update conversation set client_record_id = ? where contact_id in (select id from contact where client_record_id = ?)
       and client_record_id is distinct from ? returning id`,
    [clientRecordId, clientRecordId, clientRecordId],
    tx
  );
  audit(tx, actor, {
    action: "update",
    targetType: "contact",
    targetId: contactId,
    before: { clientRecordId: former },
    after: { clientRecordId, contacts: contactIds, conversations: conversations.map((row) => row.id) },
    at: now
  });
  return { movedContacts: contactIds.length, movedConversations: conversations.length };
}

// server/src/modules/conversations/open-conversation-append.ts
import { randomUUID as randomUUID12 } from "node:crypto";
async function appendToOpenConversation(db, tx, channelKey, contact, inbound, now) {
  if (inbound.replyTo?.length || inbound.pressed || !knownOrAnonymous(contact)) return null;
  const [row] = await db.query(
    `with conv as (
       select id from conversation where contact_id = ? and status = 'open'
        order by last_message_at desc limit 1 for update),
     msg as (
       insert into message (id, conversation_id, direction, author_kind, text, parts, attachments, external_id,
         created_at)
       select ?, conv.id, 'in', 'client', ?, ?::jsonb, ?::jsonb, ?, ? from conv returning *),
     bump as (
       update conversation c set message_count = c.message_count + 1, last_message_at = msg.created_at
         from msg where c.id = msg.conversation_id returning c.*),
     linked as (
       update channel_inbound i set message_id = msg.id from msg
        where i.channel_key = ? and i.external_id = ?),
     audited as (
       insert into audit_log (at, action, target_type, target_id, after)
       select msg.created_at, 'create', 'message', msg.id::text,
              jsonb_build_object('conversationId', msg.conversation_id, 'channel', ?::text, 'externalId', ?::text)
         from msg)
     select to_jsonb(msg.*) as message, to_jsonb(bump.*) as conversation,
       (select array_agg(u.id) from app_user u where u.active and u.record_id = bump.client_record_id) as client_users
     from msg, bump`,
    [
      contact.id,
      randomUUID12(),
      inbound.message.text,
      JSON.stringify(inbound.message.parts),
      JSON.stringify(inbound.message.attachments),
      inbound.externalMessageId,
      now,
      channelKey,
      inbound.externalMessageId,
      channelKey,
      inbound.externalMessageId
    ],
    tx
  );
  if (!row) return null;
  return {
    message: messageView(asRow(row.message)),
    conversation: conversationView(asRow(row.conversation)),
    clientUsers: row.client_users ?? [],
    queued: isQueued(asRow(row.conversation))
  };
}
var knownOrAnonymous = (contact) => contact.clientRecordId !== null || !contact.displayName && !contact.email && !contact.phone;
var asRow = (value) => typeof value === "string" ? JSON.parse(value) : value;

// server/src/modules/conversations/send-job.ts
var sendJobName = "conversation.send";
var sendJobKey = (messageId) => `${sendJobName}:${messageId}`;
function sendJob(db, channels, fileStore, push = async () => void 0) {
  return async (payload, ctx) => {
    const { messageId } = payload;
    const [row] = await db.query(
      `select m.*, row_to_json(c) as conversation_row, row_to_json(k) as contact_row
         from message m join conversation c on c.id = m.conversation_id join contact k on k.id = c.contact_id
        where m.id = ? for update of m`,
      [messageId],
      ctx.em
    );
    if (!row) return;
    const message2 = messageView(row);
    if (message2.delivery !== "queued" && message2.delivery !== "failed") return;
    const conversation = conversationView(row.conversation_row);
    const contact = contactView(row.contact_row);
    const channel = await channels.resolve(conversation.channelKey, ctx.em);
    const mark = (delivery, externalId, error) => markDelivery(db, ctx.em, { conversation, message: message2, delivery, externalId, error }, push);
    if (!channel) return mark("failed", null, `channel ${conversation.channelKey} is not configured`);
    const thread = await db.query(
      `select external_id from message where conversation_id = ? and external_id is not null and seq < ?
        order by seq desc limit 20`,
      [conversation.id, message2.seq],
      ctx.em
    );
    const outbound = {
      to: {
        externalId: contact.externalId,
        email: contact.email ?? void 0,
        displayName: contact.displayName ?? void 0
      },
      message: { text: message2.text, parts: message2.parts, attachments: message2.attachments },
      files: await readAttachments(fileStore, message2.attachments),
      thread: thread.map((t) => t.external_id).reverse(),
      subject: conversation.subject ?? void 0,
      idempotencyKey: message2.id
    };
    try {
      const sent = await channel.adapter.send(channel.settings, outbound);
      await mark("sent", sent.externalMessageId, null);
    } catch (error) {
      if (error instanceof GiveUp) return mark("failed", null, error.message);
      throw error;
    }
  };
}
async function markDelivery(db, tx, change, push) {
  const { conversation, message: message2, delivery, externalId, error } = change;
  await db.query(
    `update message set delivery = ?, external_id = coalesce(?, external_id), delivery_error = ? where id = ?`,
    [delivery, externalId, error?.slice(0, 1e3) ?? null, message2.id],
    tx
  );
  await push(tx, conversation, { ...message2, delivery, externalId: externalId ?? message2.externalId });
}

// server/src/modules/conversations/timeline.ts
var timelineLimits = { conversations: 20, messagesPerConversation: 200 };
var cursorOf = (conversation) => `${conversation.lastMessageAt}|${conversation.id}`;
var cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|([0-9a-f-]{36})$/;
function parseCursor(before) {
  if (before === void 0) return [null, null];
  const parsed3 = cursorPattern.exec(before);
  if (!parsed3) throw new AppError(400, "invalid_cursor", "invalid_cursor");
  return [parsed3[1], parsed3[2]];
}
async function clientTimeline(db, clientRecordId, options4 = {}) {
  const limit = Math.min(Math.max(options4.limit ?? 10, 1), timelineLimits.conversations);
  const [at, id] = parseCursor(options4.before);
  const rows = await db.query(
    `select * from conversation where client_record_id = ?
        and (?::timestamptz is null or (last_message_at, id) < (?::timestamptz, ?::uuid))
      order by last_message_at desc, id desc limit ?`,
    [clientRecordId, at, at, id, limit + 1]
  );
  const conversations = rows.slice(0, limit).map(conversationView);
  const messages = conversations.length ? (await db.query(
    `select * from (select m.*, row_number() over (partition by m.conversation_id order by m.seq desc) as nth
             from message m where m.conversation_id = any(?::uuid[])) recent
           where nth <= ? order by conversation_id, seq`,
    [`{${conversations.map((c) => c.id).join(",")}}`, timelineLimits.messagesPerConversation]
  )).map(messageView) : [];
  const contacts = (await db.query(
    "select * from contact where client_record_id = ? order by created_at, id limit 100",
    [clientRecordId]
  )).map(contactView);
  const last = conversations.at(-1);
  return {
    conversations,
    messages,
    contacts: contacts.map(({ id: id2, channel, displayName, email, phone }) => ({
      id: id2,
      channel,
      displayName,
      email,
      phone
    })),
    ...rows.length > limit && last ? { nextBefore: cursorOf(last) } : {}
  };
}

// server/src/modules/conversations/conversation-store.ts
var ConversationStore = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  pressListeners = [];
  clientMessageListeners = [];
  statusListeners = [];
  /** Routes and queues a dialog the moment it opens, in its transaction (set by the distribution module). */
  afterDialogOpened = null;
  /**
   * Takes one inbound message: idempotent by the channel's own message id, recognises the person (same channel
   * id, or an address a known client has), threads it into its conversation or opens one.
   */
  async takeInbound(channel, received) {
    const { db } = this.deps;
    const stored2 = await storeInboundFiles(this.deps.fileStore, received.files);
    const attachments2 = [...received.message.attachments, ...stored2].slice(0, messageLimits8.attachments);
    const inbound = { ...received, message: { ...received.message, attachments: attachments2 }, files: [] };
    return db.transaction((tx) => this.takeInboundWithin(tx, channel, inbound));
  }
  /**
   * {@link takeInbound} inside the caller's transaction, for a message whose files are in the store already (its
   * `files` are ignored): a whole scripted dialog commits or rolls back as one.
   */
  async takeInboundWithin(tx, channel, inbound) {
    const { db } = this.deps;
    const now = dateOf(this.deps.clock);
    const contact = await claimArrival(db, tx, channel, inbound, now);
    if (!contact) return this.duplicate(tx, channel.key, inbound.externalMessageId);
    const onward = await appendToOpenConversation(db, tx, channel.key, contact, inbound, now);
    if (onward) {
      const party = { channel: contact.channel, externalId: contact.externalId, users: onward.clientUsers };
      const current2 = await this.routeUnqueued(tx, onward.conversation, onward.message, onward.queued);
      await pushMessage(this.deps.hub, db, tx, current2, onward.message, party);
      await this.tellClientMessage(tx, current2, onward.message);
      return { conversation: current2, message: onward.message, duplicate: false, opened: false };
    }
    const account = await portalAccount(this.deps.definitions, tx);
    const client = await clientForContact({ ...this.deps, tx, account }, contact, inbound.from);
    const routed = await this.routePress(tx, { ...contact, clientRecordId: client }, inbound.pressed);
    const { conversation, opened, queued } = routed ? { conversation: routed.conversation, opened: false, queued: true } : await conversationFor(db, tx, { ...contact, clientRecordId: client }, inbound, now);
    const message2 = await appendInbound(db, tx, channel, conversation, inbound, now);
    const counted2 = {
      ...conversation,
      messageCount: conversation.messageCount + 1,
      lastMessageAt: message2.createdAt
    };
    const current = await this.afterDialogOpened?.(tx, counted2, message2, queued) ?? counted2;
    await pushMessage(this.deps.hub, db, tx, current, message2);
    if (routed) await routed.after(tx, message2);
    else await this.tellClientMessage(tx, current, message2);
    return { conversation: current, message: message2, duplicate: false, opened };
  }
  /** Only an open dialog that waits for a person and is in no queue yet costs the hook a call on the fast path. */
  async routeUnqueued(tx, conversation, message2, queued) {
    if (queued || conversation.status !== "open" || conversation.handler !== "queue") return conversation;
    return await this.afterDialogOpened?.(tx, conversation, message2, queued) ?? conversation;
  }
  async duplicate(tx, channelKey, externalId) {
    const { db } = this.deps;
    const message2 = await earlierInbound(db, tx, channelKey, externalId);
    if (!message2) throw new Error(`inbound ${channelKey}/${externalId} was claimed without a message`);
    const [row] = await db.query(
      "select * from conversation where id = ?",
      [message2.conversationId],
      tx
    );
    return { conversation: conversationView(row), message: message2, duplicate: true, opened: false };
  }
  /** Appends an answer (an operator's, a bot's, the system's) to a conversation; see `outbound.ts`. */
  answer(conversationId, input, actor) {
    return this.deps.db.transaction((tx) => this.answerWithin(tx, conversationId, input, actor));
  }
  /** {@link answer} inside the caller's transaction: the answer commits (and is sent) with the caller's writes. */
  async answerWithin(tx, conversationId, input, actor) {
    const { db } = this.deps;
    const conversation = await lockConversation(db, tx, conversationId);
    const { message: message2, repeated } = await appendOutbound(
      db,
      tx,
      conversation,
      input,
      actor,
      dateOf(this.deps.clock)
    );
    if (!repeated) await pushMessage(this.deps.hub, db, tx, conversation, message2);
    if (!repeated && !message2.internal && sentByAdapter(conversation.channel))
      await this.deps.jobs.enqueue(
        sendJobName,
        { messageId: message2.id },
        { idempotencyKey: sendJobKey(message2.id), maxAttempts: 10 },
        tx
      );
    return message2;
  }
  /**
   * Lets another module claim a pressed button (a rating of a closed dialog): the message goes into the
   * conversation it names instead of the contact's open one, and `after` runs in the same transaction.
   */
  onPressed(listener) {
    this.pressListeners.push(listener);
  }
  /** Lets another module act on every new client message (not a duplicate, not a claimed press), in its transaction. */
  onClientMessage(listener) {
    this.clientMessageListeners.push(listener);
  }
  async tellClientMessage(tx, conversation, message2) {
    for (const listener of this.clientMessageListeners) await listener(tx, conversation, message2);
  }
  /** Lets another module act inside the transaction that closes or reopens a dialog (see `conversation-status.ts`). */
  onStatusChanged(listener) {
    this.statusListeners.push(listener);
  }
  async routePress(tx, contact, pressed) {
    if (!pressed) return null;
    for (const listener of this.pressListeners) {
      const routed = await listener(tx, contact, pressed);
      if (routed) return routed;
    }
    return null;
  }
  /** Puts a contact (and its former card's other contacts) on another client card; both histories stay. */
  mergeContact(contactId, clientRecordId, actor) {
    const { db } = this.deps;
    return db.transaction(async (tx) => {
      const account = await portalAccount(this.deps.definitions, tx);
      if (!account) throw fail.notFound("client");
      const target = { clientRecordId, clientType: account.clients };
      return mergeContactInto(db, tx, contactId, target, actor, dateOf(this.deps.clock));
    });
  }
  /** The client's conversations of every channel as one timeline, a page at a time. */
  timeline(clientRecordId, options4 = {}) {
    return clientTimeline(this.deps.db, clientRecordId, options4);
  }
};

// server/src/modules/conversations/conversation-work-routes.ts
import { Type as Type18 } from "@sinclair/typebox";

// server/src/modules/conversations/conversation-files.ts
async function conversationAttachment(db, conversationId, fileId) {
  const [row] = await db.query(
    `select attachments from message where conversation_id = ? and attachments @> ?::jsonb
      order by seq limit 1`,
    [conversationId, JSON.stringify([{ fileId }])]
  );
  const attachments2 = typeof row?.attachments === "string" ? JSON.parse(row.attachments) : row?.attachments;
  const ref = attachments2?.find((attachment) => attachment.fileId === fileId);
  if (!ref) throw fail.notFound("file");
  return ref;
}

// server/src/modules/conversations/conversation-reads.ts
var unreadCountCap = 99;
async function markRead(db, userId, conversationId, seq, now) {
  const [last] = await db.query(
    `select (select max(seq) from message where conversation_id = c.id) as seq from conversation c where c.id = ?`,
    [conversationId]
  );
  if (!last) throw fail.notFound("conversation");
  const upTo = Math.min(seq, Number(last.seq ?? 0));
  const [row] = await db.query(
    `insert into conversation_read (user_id, conversation_id, last_read_seq, read_at) values (?, ?, ?, ?)
     on conflict (user_id, conversation_id) do update
       set last_read_seq = greatest(conversation_read.last_read_seq, excluded.last_read_seq), read_at = excluded.read_at
     returning last_read_seq`,
    [userId, conversationId, upTo, now]
  );
  return { lastReadSeq: Number(row.last_read_seq) };
}
async function unreadConversations(db, userId) {
  const [row] = await db.query(
    `select count(*) as count from (
       select 1 from conversation c
         left join conversation_read r on r.conversation_id = c.id and r.user_id = ?
        where c.status = 'open' and exists (
          select 1 from message m where m.conversation_id = c.id and m.direction = 'in'
             and m.seq > coalesce(r.last_read_seq, 0))
        limit ?) unread`,
    [userId, unreadCountCap + 1]
  );
  return { count: Number(row?.count ?? 0) };
}

// server/src/modules/conversations/conversation-status.ts
function setConversationStatus(deps, conversationId, status, actor, now) {
  return deps.db.transaction(
    (tx) => setConversationStatusWithin(deps, tx, conversationId, status, actor, now)
  );
}
async function setConversationStatusWithin(deps, tx, conversationId, status, actor, now) {
  const { db, hub } = deps;
  if (status === "closed") await lockDistribution(db, tx);
  const before = await lockConversation(db, tx, conversationId);
  if (before.status === status) return before;
  const [row] = await db.query(
    status === "closed" ? `update conversation set status = 'closed', resolved_at = coalesce(resolved_at, ?), closed_at = ?,
             last_closed_at = ?, queued_at = null, last_operator_id = coalesce(operator_id, last_operator_id)
            where id = ? returning *` : `update conversation set status = 'open', closed_at = null,
             queued_at = case when handler = 'queue' then ? else queued_at end where id = ? returning *`,
    status === "closed" ? [now, now, now, conversationId] : [now, conversationId],
    tx
  );
  const conversation = conversationView(row);
  audit(tx, actor, {
    action: "update",
    targetType: "conversation",
    targetId: conversationId,
    before: { status: before.status },
    after: { status, resolvedAt: conversation.resolvedAt, closedAt: conversation.closedAt },
    at: now
  });
  if (status === "open") await requestDistribution(db, tx);
  const push = { type: "conversation", conversation };
  await hub.send(tx, [liveAddress.contactCentre, liveAddress.conversation(conversationId)], push);
  for (const listener of deps.listeners ?? [])
    await listener(tx, {
      before,
      after: conversation,
      actor,
      now,
      ...deps.origin ? { origin: deps.origin } : {}
    });
  return conversation;
}

// server/src/modules/conversations/conversation-work-routes.ts
var tags6 = ["conversations"];
var conversationWorkRoutes = async (app) => {
  const { db, clock } = app;
  const config3 = { access: contactCentre };
  const actor = (request) => request.actor;
  for (const [action, status] of [
    ["close", "closed"],
    ["reopen", "open"]
  ])
    app.post(
      `/conversations/:id/${action}`,
      {
        config: config3,
        schema: {
          tags: tags6,
          summary: action === "close" ? "Close a conversation: stamps its resolution time (kept on a later reopen) and writes an audit row" : "Reopen a closed conversation",
          params: IdParams,
          response: { 200: ConversationSchema, ...errorResponses }
        }
      },
      (request) => setConversationStatus(
        {
          db,
          hub: app.liveHub,
          listeners: app.conversations.statusListeners,
          origin: linkOrigin(app.settings.publicUrl, request)
        },
        request.params.id,
        status,
        actor(request),
        dateOf(clock)
      )
    );
  app.post(
    "/conversations/:id/read",
    {
      config: config3,
      schema: {
        tags: tags6,
        summary: "Mark a conversation read by the caller up to a message `seq` (only ever moves forward)",
        params: IdParams,
        body: Type18.Object(
          { seq: Type18.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) },
          { additionalProperties: false }
        ),
        response: { 200: Type18.Object({ lastReadSeq: Type18.Integer() }), ...errorResponses }
      }
    },
    (request) => markRead(db, actor(request).id, request.params.id, request.body.seq, dateOf(clock))
  );
  app.get(
    "/conversations/unread",
    {
      config: config3,
      schema: {
        tags: tags6,
        summary: "How many open conversations have client messages the caller has not read (at most 100)",
        response: { 200: Type18.Object({ count: Type18.Integer() }), ...errorResponses }
      }
    },
    (request) => unreadConversations(db, actor(request).id)
  );
  app.get(
    "/conversations/:id/files/:fileId",
    {
      config: config3,
      schema: {
        tags: tags6,
        summary: "Download an attachment of one of the conversation\u2019s messages",
        params: Type18.Object(
          { id: Uuid, fileId: Type18.String({ pattern: "^[0-9a-f]{64}$" }) },
          { additionalProperties: false }
        ),
        produces: ["application/octet-stream"],
        response: { 200: Type18.Unknown({ description: "The file" }), 304: Type18.Null(), ...errorResponses }
      }
    },
    async (request, reply) => {
      const ref = await conversationAttachment(db, request.params.id, request.params.fileId);
      return sendStoredFile(
        request,
        reply,
        { name: ref.name, sha256: ref.fileId, size: ref.size, contentType: ref.contentType },
        {
          cacheControl: "private, no-cache",
          // Pictures show in the history; anything else downloads.
          inline: /^image\/(png|jpeg|gif|webp)$/.test(ref.contentType),
          content: async () => {
            const stream = await app.fileStore.open(ref.fileId);
            if (!stream) throw new Error(`attachment ${ref.fileId} is missing from the file store`);
            return stream;
          }
        }
      );
    }
  );
};

// server/src/channels/email/smtp-listener.ts
import { SMTPServer } from "smtp-server";
function createSmtpListener(options4) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: mailLimits.messageBytes,
    maxClients: options4.maxClients ?? 50,
    logger: false,
    banner: "Opora",
    onRcptTo(address, _session, callback) {
      Promise.resolve().then(() => options4.acceptsRecipient(address.address.toLowerCase())).then(
        (ours) => callback(ours ? void 0 : new MailRefusal(550, `5.1.1 No mailbox ${address.address} here`))
      ).catch(() => callback(new MailRefusal(451, "4.3.0 Cannot check the mailbox now, try again later")));
    },
    onData(stream, session, callback) {
      collect(stream).then((raw) => {
        if (!raw) throw new MailRefusal(552, "5.3.4 Message too large");
        return options4.onMessage(raw, envelopeOf(session));
      }).then(() => callback()).catch(
        (error) => callback(
          error instanceof MailRefusal ? error : new MailRefusal(451, "4.3.0 Message not taken, try again later")
        )
      );
    }
  });
  server.on("error", () => {
  });
  return {
    listen: () => new Promise((resolve4, reject) => {
      server.once("error", reject);
      server.listen(
        options4.port,
        options4.host ?? "0.0.0.0",
        () => resolve4(server.server.address().port)
      );
    }),
    close: () => new Promise((resolve4) => server.close(() => resolve4()))
  };
}
var MailRefusal = class extends Error {
  constructor(responseCode, message2) {
    super(message2);
    this.responseCode = responseCode;
  }
  responseCode;
};
async function collect(stream) {
  const chunks = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size <= mailLimits.messageBytes) chunks.push(chunk);
  }
  return stream.sizeExceeded || size > mailLimits.messageBytes ? null : Buffer.concat(chunks);
}
function envelopeOf(session) {
  const from = session.envelope.mailFrom;
  return {
    from: from ? from.address : null,
    to: session.envelope.rcptTo.map((r) => r.address.toLowerCase())
  };
}

// server/src/modules/conversations/published-channel-list.ts
async function publishedChannels(db, type, em) {
  const rows = await db.query(
    `select d.key, v.version, v.body
       from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
      where d.kind = 'channel' and d.status <> 'archived'
        and (?::text is null or v.body #>> '{settings,type}' = ?)
      order by d.key`,
    [type ?? null, type ?? null],
    em
  );
  return rows.map((row) => ({
    key: row.key,
    version: Number(row.version),
    body: typeof row.body === "string" ? JSON.parse(row.body) : row.body
  }));
}

// server/src/modules/conversations/take-mail.ts
async function takeMail(conversations, raw, channelKeys) {
  const parsed3 = await readMail(raw).catch(() => null);
  if (!parsed3) return { ok: false, reason: "the message cannot be read" };
  if (!parsed3.ok) return parsed3;
  for (const key2 of channelKeys)
    for (const message2 of parsed3.messages) await conversations.takeInbound({ type: "email", key: key2 }, message2);
  return "ignored" in parsed3 ? { ok: true, ignored: parsed3.ignored } : { ok: true };
}

// server/src/modules/conversations/email-inbound.ts
var EmailInbound = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  listener;
  /** Starts listening; answers the port (useful with port 0). */
  async listen(port, host) {
    this.listener = createSmtpListener({
      port,
      host,
      acceptsRecipient: async (address) => (await this.channelKeysFor([address])).length > 0,
      onMessage: (raw, envelope) => this.take(raw, envelope.to)
    });
    return this.listener.listen();
  }
  async close() {
    await this.listener?.close();
    this.listener = void 0;
  }
  /** Stores one mail in each channel it was addressed to (usually one); refuses what cannot be read. */
  async take(raw, recipients) {
    const keys = await this.channelKeysFor(recipients);
    if (!keys.length) throw new MailRefusal(550, "5.1.1 No mailbox here");
    const taken = await takeMail(this.deps.conversations, raw, keys);
    if (!taken.ok) throw new MailRefusal(554, `5.6.0 Message refused: ${taken.reason}`);
  }
  /** The keys of the published e-mail channels whose support address is one of the recipients. */
  async channelKeysFor(recipients) {
    const wanted = new Set(recipients.map((address) => address.toLowerCase()));
    const channels = await publishedChannels(this.deps.db, "email");
    return channels.filter(({ body }) => body.settings.type === "email" && wanted.has(body.settings.address.toLowerCase())).map(({ key: key2 }) => key2);
  }
};

// server/src/modules/conversations/imap-pollers.ts
import { imapPollSecondsDefault } from "@opora/runtime/definitions";

// server/src/channels/abortable-pause.ts
function abortablePause(ms, signal) {
  return new Promise((resolve4) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve4();
    }
    if (signal.aborted) done();
    else signal.addEventListener("abort", done, { once: true });
  });
}

// server/src/channels/email/imap-round.ts
import { ImapFlow } from "imapflow";
var sizesPerFetch = 100;
async function pollMailbox(settings, ports, signal) {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    disableCompression: true,
    connectionTimeout: 3e4,
    greetingTimeout: 15e3,
    socketTimeout: 12e4,
    // A server announcing more than the inbound limit in one literal is refused before it is buffered.
    maxLiteralSize: mailLimits.messageBytes + 64 * 1024,
    maxResponseSize: mailLimits.messageBytes + 1024 * 1024
  });
  client.on("error", () => void 0);
  const abort = () => client.close();
  signal.addEventListener("abort", abort, { once: true });
  try {
    if (signal.aborted) throw new Error("polling stopped");
    await client.connect();
    await takeNewMail(client, settings.mailbox, ports, signal);
    await client.logout();
  } finally {
    signal.removeEventListener("abort", abort);
    client.close();
  }
}
async function takeNewMail(client, mailbox, ports, signal) {
  const box = await client.mailboxOpen(mailbox);
  const uidValidity = String(box.uidValidity);
  const saved = await ports.cursor();
  const fresh = saved?.uidValidity !== uidValidity;
  const after = fresh ? 0 : saved.lastUid;
  const found = fresh ? await client.search({ seen: false }, { uid: true }) : await client.search({ uid: `${after + 1}:*` }, { uid: true });
  const uids = [...new Set(found || [])].filter((uid) => uid > after).sort((a, b) => a - b);
  for (let start = 0; start < uids.length; start += sizesPerFetch) {
    const batch3 = uids.slice(start, start + sizesPerFetch);
    const sizes = /* @__PURE__ */ new Map();
    for (const message2 of await client.fetchAll(batch3.join(","), { uid: true, size: true }, { uid: true }))
      sizes.set(message2.uid, message2.size);
    for (const uid of batch3) {
      if (signal.aborted) return;
      await takeOne(client, uid, sizes, ports);
      if (!fresh) await ports.saveCursor({ uidValidity, lastUid: uid });
    }
  }
  if (fresh) {
    const top = box.uidNext ? box.uidNext - 1 : await highestUid(client);
    await ports.saveCursor({ uidValidity, lastUid: Math.max(top, uids.at(-1) ?? 0) });
  }
}
async function highestUid(client) {
  const all = await client.search({ all: true }, { uid: true });
  return (all || []).reduce((highest, uid) => Math.max(highest, uid), 0);
}
async function takeOne(client, uid, sizes, ports) {
  if (!sizes.has(uid)) return;
  const size = sizes.get(uid) ?? 0;
  if (size > mailLimits.messageBytes) {
    ports.skipped(uid, `message too large (${size} bytes, at most ${mailLimits.messageBytes})`);
    return;
  }
  const source = { start: 0, maxLength: mailLimits.messageBytes + 1 };
  const message2 = await client.fetchOne(String(uid), { uid: true, source }, { uid: true });
  const raw = message2 ? message2.source : void 0;
  if (!raw) return;
  const taken = await ports.take(raw);
  if (taken !== true) {
    ports.skipped(uid, taken);
    return;
  }
  await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
}

// server/src/channels/email/imap-polling.ts
var ImapPolling = class {
  constructor(options4) {
    this.options = options4;
    this.done = this.run().catch((error) => options4.onError(error));
  }
  options;
  abort = new AbortController();
  done;
  async stop() {
    this.abort.abort();
    await this.done;
  }
  async run() {
    const { signal } = this.abort;
    const { options: options4 } = this;
    let failures = 0;
    while (!signal.aborted) {
      let interval = options4.pollMs ?? 6e4;
      try {
        const settings = await options4.settings();
        interval = options4.pollMs ?? settings.pollSeconds * 1e3;
        if (await options4.mayPoll()) await pollMailbox(settings, options4.ports, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        options4.onError(error);
        failures += 1;
      }
      await abortablePause(failures ? this.backoff(failures, interval) : interval, signal);
    }
  }
  backoff(failures, interval) {
    const first = this.options.backoffMs ?? interval;
    const max = Math.max(first, this.options.maxBackoffMs ?? 5 * 6e4);
    return Math.min(first * 2 ** Math.min(failures - 1, 20), max);
  }
};

// server/src/modules/conversations/imap-cursors.ts
var ImapCursors = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async read(at) {
    const [row] = await this.db.query(
      `select uid_validity::text as uid_validity, last_uid::text as last_uid from imap_mailbox_cursor
        where channel_key = ? and account = ? and mailbox = ?`,
      [at.channelKey, at.account, at.mailbox]
    );
    return row ? { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) } : null;
  }
  /** Moves the cursor; never back under the same UIDVALIDITY (a second poller catching up cannot undo progress). */
  async save(at, cursor) {
    await this.db.query(
      `insert into imap_mailbox_cursor (channel_key, account, mailbox, uid_validity, last_uid)
       values (?, ?, ?, ?::bigint, ?)
       on conflict (channel_key, account, mailbox) do update
          set last_uid = case when imap_mailbox_cursor.uid_validity = excluded.uid_validity
                              then greatest(imap_mailbox_cursor.last_uid, excluded.last_uid)
                              else excluded.last_uid end,
              uid_validity = excluded.uid_validity,
              updated_at = now()`,
      [at.channelKey, at.account, at.mailbox, cursor.uidValidity, cursor.lastUid]
    );
  }
};

// server/src/modules/conversations/imap-pollers.ts
var ImapPollers = class {
  constructor(deps) {
    this.deps = deps;
    this.cursors = new ImapCursors(deps.db);
  }
  deps;
  loops = /* @__PURE__ */ new Map();
  cursors;
  timer;
  refreshing;
  closed = false;
  /** The keys of the channels with a polling loop here. */
  get polling() {
    return [...this.loops.keys()];
  }
  /** The keys of the channels whose mailbox this process holds the lock of (and so polls). */
  get holding() {
    return [...this.loops].filter(([, loop]) => loop.held.lock?.held).map(([key2]) => key2);
  }
  async start() {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error) => this.deps.log.warn({ err: error }, "IMAP pollers refresh"));
    }, this.deps.refreshMs ?? 3e4);
    this.timer.unref();
  }
  async close() {
    this.closed = true;
    clearInterval(this.timer);
    await this.refreshing?.catch(() => void 0);
    await Promise.all([...this.loops.values()].map((loop) => this.stop(loop)));
    this.loops.clear();
    await this.deps.locks.close();
  }
  /** Starts, restarts and stops loops to match the published channels (one refresh at a time). */
  refresh() {
    this.refreshing ??= this.reconcile().finally(() => {
      this.refreshing = void 0;
    });
    return this.refreshing;
  }
  async reconcile() {
    const wanted = /* @__PURE__ */ new Map();
    for (const { key: key2, version, body } of await publishedChannels(this.deps.db, "email"))
      if (body.settings.type === "email" && body.settings.imap)
        wanted.set(key2, { version, imap: body.settings.imap });
    if (this.closed) return;
    for (const [key2, loop] of this.loops) {
      if (wanted.get(key2)?.version === loop.version) continue;
      this.loops.delete(key2);
      await this.stop(loop);
    }
    for (const [key2, { version, imap }] of wanted)
      if (!this.loops.has(key2)) this.loops.set(key2, this.loop(key2, version, imap));
  }
  async stop(loop) {
    await loop.polling.stop();
    await loop.held.lock?.release();
  }
  loop(channelKey, version, imap) {
    const { conversations, secrets, locks, log } = this.deps;
    const mailbox = imap.mailbox ?? "INBOX";
    const address = { channelKey, account: `${imap.user}@${imap.host}:${imap.port}`, mailbox };
    const held = {};
    const where = { channel: channelKey, mailbox: `${address.account}/${mailbox}` };
    const polling = new ImapPolling({
      settings: async () => {
        const { passwordSecret, ...server } = imap;
        const password = (await secrets.values([passwordSecret])).get(passwordSecret);
        return { ...server, password, mailbox, pollSeconds: imap.pollSeconds ?? imapPollSecondsDefault };
      },
      mayPoll: async () => {
        if (held.lock?.held) return true;
        await held.lock?.release();
        held.lock = await locks.tryLock(`imap:${JSON.stringify(address)}`) ?? void 0;
        return Boolean(held.lock);
      },
      ports: {
        cursor: () => this.cursors.read(address),
        saveCursor: (cursor) => this.cursors.save(address, cursor),
        take: async (raw) => {
          try {
            const taken = await takeMail(conversations, raw, [channelKey]);
            return taken.ok || taken.reason;
          } catch (error) {
            if (error instanceof AppError && error.status < 500) return `${error.code} ${error.message}`;
            throw error;
          }
        },
        skipped: (uid, reason) => log.warn({ ...where, uid, reason }, "IMAP message skipped")
      },
      onError: (error) => log.warn({ ...where, err: error }, "IMAP polling failed; backing off"),
      pollMs: this.deps.pollMs,
      backoffMs: this.deps.backoffMs
    });
    return { version, polling, held };
  }
};

// server/src/modules/conversations/published-channels.ts
var PublishedChannels = class {
  constructor(definitions, secrets, adapters2) {
    this.definitions = definitions;
    this.secrets = secrets;
    this.adapters = adapters2;
  }
  definitions;
  secrets;
  adapters;
  async body(channelKey, em) {
    const published = await this.definitions.latestPublished("channel", channelKey, em);
    return published?.body ?? null;
  }
  async resolve(channelKey, em) {
    const body = await this.body(channelKey, em);
    if (!body) return null;
    const settings = body.settings;
    switch (settings.type) {
      case "widget":
        return null;
      case "telegram": {
        const values = await this.secrets.values([settings.tokenSecret, settings.webhookSecret], { em });
        return {
          type: "telegram",
          adapter: this.adapters.telegram,
          settings: {
            token: values.get(settings.tokenSecret),
            webhookSecret: values.get(settings.webhookSecret),
            ...settings.apiRoot ? { apiRoot: settings.apiRoot } : {}
          }
        };
      }
      case "email": {
        const { passwordSecret, ...smtp } = settings.smtp;
        const password = passwordSecret ? (await this.secrets.values([passwordSecret], { em })).get(passwordSecret) : void 0;
        return {
          type: "email",
          adapter: this.adapters.email,
          settings: {
            address: settings.address,
            displayName: settings.displayName,
            smtp: { ...smtp, password }
          }
        };
      }
      case "webhook": {
        const secret = (await this.secrets.values([settings.secret], { em })).get(settings.secret);
        return {
          type: "webhook",
          adapter: this.adapters.webhook,
          settings: {
            secret,
            outboundUrl: settings.outboundUrl,
            allowedAddresses: settings.allowedAddresses
          }
        };
      }
    }
  }
};

// server/src/channels/telegram/telegram-polling.ts
import { Api as Api2, GrammyError as GrammyError2 } from "grammy";
var TelegramPolling = class {
  constructor(options4) {
    this.options = options4;
    this.done = this.run().catch((error) => options4.onError(error));
  }
  options;
  abort = new AbortController();
  offset = 0;
  done;
  async stop() {
    this.abort.abort();
    await this.done;
  }
  async run() {
    const { signal } = this.abort;
    const callSignal = signal;
    const first = this.options.backoffMs ?? 1e3;
    let backoff = first;
    let deletedWebhook = false;
    while (!signal.aborted) {
      try {
        const settings = await this.options.settings();
        const api = new Api2(settings.token, { apiRoot: settings.apiRoot ?? defaultApiRoot });
        if (!deletedWebhook) deletedWebhook = await api.deleteWebhook({}, callSignal);
        const updates = await api.getUpdates(
          {
            offset: this.offset,
            timeout: this.options.longPollSeconds ?? 25,
            allowed_updates: ["message", "callback_query"]
          },
          callSignal
        );
        for (const update of updates) {
          if (signal.aborted) return;
          await this.options.take(update);
          this.offset = update.update_id + 1;
        }
        backoff = first;
      } catch (error) {
        if (signal.aborted) return;
        this.options.onError(error);
        await abortablePause(retryAfterMs2(error) ?? backoff, signal);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 6e4);
      }
    }
  }
};
function retryAfterMs2(error) {
  const seconds = error instanceof GrammyError2 ? error.parameters.retry_after : void 0;
  return seconds ? seconds * 1e3 : void 0;
}

// server/src/modules/conversations/telegram-inbound.ts
async function takeTelegramUpdate(conversations, channel, key2, update) {
  const parsed3 = await channel.adapter.parseInbound(channel.settings, update);
  if (!parsed3.ok) throw new AppError(400, "bad_update", "bad_update", { reason: parsed3.reason });
  for (const message2 of parsed3.messages) await conversations.takeInbound({ type: "telegram", key: key2 }, message2);
  const callback = callbackQueryId(update);
  if (callback && channel.adapter instanceof TelegramAdapter)
    await channel.adapter.answerButton(channel.settings, callback).catch(() => void 0);
}
function callbackQueryId(update) {
  if (typeof update !== "object" || update === null) return null;
  const query = update.callback_query;
  return typeof query?.id === "string" && query.id.length <= 200 ? query.id : null;
}

// server/src/modules/conversations/telegram-pollers.ts
var TelegramPollers = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  loops = /* @__PURE__ */ new Map();
  timer;
  refreshing;
  closed = false;
  /** The keys of the channels being polled now. */
  get polling() {
    return [...this.loops.keys()];
  }
  async start() {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch(
        (error) => this.deps.log.warn({ err: error }, "Telegram pollers refresh")
      );
    }, this.deps.refreshMs ?? 3e4);
    this.timer.unref();
  }
  async close() {
    this.closed = true;
    clearInterval(this.timer);
    await this.refreshing?.catch(() => void 0);
    await Promise.all([...this.loops.values()].map((loop) => loop.stop()));
    this.loops.clear();
  }
  /** Starts and stops loops to match the published channels (one refresh at a time). */
  refresh() {
    this.refreshing ??= this.reconcile().finally(() => {
      this.refreshing = void 0;
    });
    return this.refreshing;
  }
  async reconcile() {
    const wanted = new Set(
      (await publishedChannels(this.deps.db, "telegram")).filter(({ body }) => body.settings.type === "telegram" && body.settings.mode === "polling").map(({ key: key2 }) => key2)
    );
    if (this.closed) return;
    for (const [key2, loop] of this.loops)
      if (!wanted.has(key2)) {
        this.loops.delete(key2);
        await loop.stop();
      }
    for (const key2 of wanted) if (!this.loops.has(key2)) this.loops.set(key2, this.loop(key2));
  }
  loop(key2) {
    const { channels, conversations, log } = this.deps;
    const resolve4 = async () => {
      const channel = await channels.resolve(key2);
      if (channel?.type !== "telegram") throw new Error(`channel ${key2} is no longer a Telegram channel`);
      return channel;
    };
    return new TelegramPolling({
      settings: async () => (await resolve4()).settings,
      take: async (update) => {
        try {
          await takeTelegramUpdate(conversations, await resolve4(), key2, update);
        } catch (error) {
          if (!(error instanceof AppError && error.status === 400)) throw error;
          log.warn({ channel: key2, err: error }, "Telegram update refused");
        }
      },
      onError: (error) => log.warn({ channel: key2, err: error }, "Telegram polling failed; backing off"),
      longPollSeconds: this.deps.longPollSeconds,
      backoffMs: this.deps.backoffMs
    });
  }
};

// server/src/modules/conversations/telegram-webhook-routes.ts
import { createHash as createHash4, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
import { Type as Type19 } from "@sinclair/typebox";
var tags7 = ["channels"];
var secretHeader = "x-telegram-bot-api-secret-token";
var sameSecret = (given, expected) => timingSafeEqual2(
  createHash4("sha256").update(given).digest(),
  createHash4("sha256").update(expected).digest()
);
var telegramWebhookRoutes = async (app, { conversations, channels }) => {
  app.post(
    "/channels/:key/telegram",
    {
      // Telegram calls from a handful of its own addresses, a busy bot's updates all through them: 100 a second per
      // address, so its load is not throttled; a forged call costs one cached lookup and a constant-time compare.
      config: { access: "public", rateLimit: { max: 6e3, timeWindow: "1 minute" } },
      schema: {
        tags: tags7,
        summary: "Telegram webhook of a Telegram channel (checked by its secret token)",
        params: Type19.Object(
          { key: Type19.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" }) },
          { additionalProperties: false }
        ),
        body: Type19.Object({ update_id: Type19.Integer() }, { additionalProperties: true }),
        response: { 200: Type19.Object({ ok: Type19.Boolean() }), ...errorResponses }
      }
    },
    async (request) => {
      const channel = await channels.resolve(request.params.key);
      if (channel?.type !== "telegram") throw fail.notFound("channel");
      const settings = channel.settings;
      const given = request.headers[secretHeader];
      if (typeof given !== "string" || !sameSecret(given, settings.webhookSecret)) throw fail.forbidden();
      await takeTelegramUpdate(conversations, channel, request.params.key, request.body);
      return { ok: true };
    }
  );
};

// server/src/modules/conversations/webhook-inbound-routes.ts
import { messageLimits as messageLimits10 } from "@opora/runtime/conversations";
import { Type as Type21 } from "@sinclair/typebox";

// server/src/channels/webhook/webhook-payloads.ts
import { messageLimits as messageLimits9 } from "@opora/runtime/conversations";
import { Type as Type20 } from "@sinclair/typebox";
var Text = (max) => Type20.String({ maxLength: max });
var FileSchema = Type20.Object(
  {
    name: Type20.String({ minLength: 1, maxLength: 255 }),
    contentType: Type20.String({ minLength: 1, maxLength: 255 }),
    base64: Type20.String({ maxLength: 11e6, pattern: "^[A-Za-z0-9+/]*={0,2}$" })
  },
  { additionalProperties: false }
);
var WebhookInboundSchema = Type20.Object(
  {
    event: Type20.Optional(Type20.Literal("message")),
    /** The gateway's own id of the message: a redelivery with the same id is stored once. */
    messageId: Type20.String({ minLength: 1, maxLength: 200 }),
    from: Type20.Object(
      {
        id: Type20.String({ minLength: 1, maxLength: 200 }),
        name: Type20.Optional(Text(200)),
        email: Type20.Optional(Text(254)),
        phone: Type20.Optional(Text(40))
      },
      { additionalProperties: false }
    ),
    text: Type20.Optional(Text(messageLimits9.text)),
    /** The position of a button the person pressed, among those Opora's last message offered. */
    pressed: Type20.Optional(Type20.Integer({ minimum: 0, maximum: messageLimits9.buttons - 1 })),
    files: Type20.Optional(Type20.Array(FileSchema, { maxItems: messageLimits9.attachments }))
  },
  {
    additionalProperties: false,
    examples: [
      {
        event: "message",
        messageId: "vk-981",
        from: { id: "vk-77", name: "\u0418\u0440\u0438\u043D\u0430", phone: "+79990001122" },
        text: "\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435, \u0437\u0430\u043A\u0430\u0437 \u043D\u0435 \u043F\u0440\u0438\u0448\u0451\u043B"
      }
    ]
  }
);
var WebhookReceiptSchema = Type20.Object(
  {
    event: Type20.Literal("receipt"),
    /** The receipt's own id: a redelivered receipt is taken once. */
    messageId: Type20.String({ minLength: 1, maxLength: 200 }),
    /** The `messageId` Opora gave the answer in its outbound call. */
    outboundMessageId: Type20.String({ minLength: 1, maxLength: 200 }),
    status: Type20.Union([Type20.Literal("delivered"), Type20.Literal("read"), Type20.Literal("failed")])
  },
  {
    additionalProperties: false,
    examples: [
      {
        event: "receipt",
        messageId: "vk-receipt-5",
        outboundMessageId: "0b6f7c1e-5a3d-4a8e-9d62-3f1f2f0a9c11",
        status: "read"
      }
    ]
  }
);
var WebhookOutboundSchema = Type20.Object(
  {
    event: Type20.Literal("message"),
    messageId: Type20.String({ description: "Stable across retries of one answer: deliver each id once" }),
    to: Type20.Object({ id: Type20.String() }),
    text: Type20.String(),
    buttons: Type20.Array(Type20.Object({ index: Type20.Integer(), label: Type20.String() })),
    files: Type20.Array(
      Type20.Object({ name: Type20.String(), contentType: Type20.String(), base64: Type20.String() })
    )
  },
  {
    examples: [
      {
        event: "message",
        messageId: "0b6f7c1e-5a3d-4a8e-9d62-3f1f2f0a9c11",
        to: { id: "vk-77" },
        text: "\u0412\u044B\u0431\u0435\u0440\u0438\u0442\u0435 \u0442\u0435\u043C\u0443",
        buttons: [{ index: 0, label: "\u041E\u043F\u043B\u0430\u0442\u0430" }],
        files: []
      }
    ]
  }
);

// server/src/modules/conversations/delivery-receipt.ts
import { advanceDelivery } from "@opora/runtime/conversations";
var uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
async function applyReceipt(db, hub, tx, receipt) {
  const byId = uuidShape.test(receipt.externalId);
  const [row] = await db.query(
    `select m.*, row_to_json(c) as conversation_row
       from message m join conversation c on c.id = m.conversation_id
      where c.channel_key = ? and ${byId ? "m.id = ?::uuid" : "m.external_id = ?"} and m.direction = 'out'
      limit 1 for update of m`,
    [receipt.channelKey, receipt.externalId],
    tx
  );
  if (!row) return null;
  const message2 = messageView(row);
  const delivery = advanceDelivery(message2.delivery ?? "sent", receipt.state);
  if (delivery === message2.delivery) return message2;
  await db.query("update message set delivery = ? where id = ?", [delivery, message2.id], tx);
  const changed = { ...message2, delivery };
  await pushMessage(hub, db, tx, conversationView(row.conversation_row), changed);
  return changed;
}

// server/src/modules/conversations/webhook-inbound-routes.ts
var tags8 = ["channels"];
var bodyLimit = Math.ceil(messageLimits10.attachments * messageLimits10.attachmentBytes * 4 / 3) + 256 * 1024;
var signedHeaders = Type21.Object({
  [signatureHeaders.timestamp]: Type21.String({
    description: "Unix time in seconds when the call was signed; refused when more than 5 minutes off",
    examples: ["1800000000"]
  }),
  [signatureHeaders.signature]: Type21.String({
    description: "`sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the channel\u2019s shared secret",
    examples: ["sha256=5d41402abc4b2a76b9719d911017c592\u2026"]
  })
});
var webhookInboundRoutes = async (app, deps) => {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit }, (request, body, done) => {
    try {
      request.rawBody = body;
      done(null, parseJsonBody(body, { ...defaultJsonLimits }));
    } catch (error) {
      done(error, void 0);
    }
  });
  app.post(
    "/channels/:key/webhook",
    {
      bodyLimit,
      config: { access: "public", rateLimit: { max: 1200, timeWindow: "1 minute" } },
      // Before the body's schema: an unsigned call learns nothing about what a valid body looks like.
      preValidation: async (request) => {
        const secret = await channelSecret(deps.channels, request.params.key);
        checkSignature(request, secret, Math.floor(deps.clock.now() / 1e3));
      },
      schema: {
        tags: tags8,
        summary: "Webhook messenger: a message a person wrote, or a receipt for an answer (signed)",
        description: [
          "Sign each call: `X-Opora-Timestamp` is the Unix time in seconds, `X-Opora-Signature` is",
          "`sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the channel\u2019s shared secret.",
          "Calls more than 5 minutes old are refused; a message id is taken once, so retrying is safe.",
          "Opora\u2019s answers go to the channel\u2019s `outboundUrl` as a POST signed the same way, with this body:",
          `\`\`\`json
${JSON.stringify(WebhookOutboundSchema.examples[0], null, 2)}
\`\`\``,
          "Files travel as base64 inside the JSON (at most 10 per message, 20 MB each)."
        ].join("\n"),
        params: Type21.Object(
          { key: Type21.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" }) },
          { additionalProperties: false }
        ),
        headers: signedHeaders,
        body: Type21.Union([WebhookInboundSchema, WebhookReceiptSchema]),
        response: {
          200: Type21.Object(
            {
              ok: Type21.Boolean(),
              duplicate: Type21.Boolean({ description: "The same message id was taken before" }),
              messageId: Type21.Optional(Type21.String({ description: "Opora\u2019s id of the stored message" }))
            },
            { examples: [{ ok: true, duplicate: false, messageId: "6a1f\u2026" }] }
          ),
          ...errorResponses
        }
      }
    },
    async (request) => {
      const { key: key2 } = request.params;
      const body = request.body;
      if (body.event === "receipt") return takeReceipt(deps, key2, body);
      const channel = await deps.channels.resolve(key2);
      const parsed3 = await channel.adapter.parseInbound(channel.settings, body);
      if (!parsed3.ok) throw new AppError(400, "bad_update", "bad_update", { reason: parsed3.reason });
      const [message2] = parsed3.messages;
      if (!message2) return { ok: true, duplicate: false };
      const taken = await deps.conversations.takeInbound({ type: "webhook", key: key2 }, message2);
      return { ok: true, duplicate: taken.duplicate, messageId: taken.message.id };
    }
  );
};
async function channelSecret(channels, key2) {
  const channel = await channels.resolve(key2);
  if (channel?.type !== "webhook") throw fail.notFound("channel");
  return channel.settings.secret;
}
function checkSignature(request, secret, nowSeconds) {
  const header = (name) => {
    const value = request.headers[name];
    return typeof value === "string" ? value : void 0;
  };
  const verdict = verify(
    secret,
    { timestamp: header(signatureHeaders.timestamp), signature: header(signatureHeaders.signature) },
    request.rawBody ?? "",
    nowSeconds
  );
  if (verdict !== "ok")
    throw new AppError(401, "bad_signature", "bad_signature", { reason: verdict }, [
      { pointer: "", message: { key: "bad_signature", params: { reason: verdict } } }
    ]);
}
async function takeReceipt(deps, channelKey, receipt) {
  return deps.db.transaction(async (tx) => {
    const now = new Date(deps.clock.now());
    if (!await claimInbound(deps.db, tx, channelKey, `receipt:${receipt.messageId}`, now))
      return { ok: true, duplicate: true };
    const changed = await applyReceipt(deps.db, deps.hub, tx, {
      channelKey,
      externalId: receipt.outboundMessageId,
      state: receipt.status
    });
    if (!changed) throw fail.notFound("message");
    return { ok: true, duplicate: false, messageId: changed.id };
  });
}

// server/src/modules/conversations/index.ts
var conversationsModule = fp9(
  async (app) => {
    const { db, definitions, records, clock } = app;
    const conversations = new ConversationStore({
      db,
      fileStore: app.fileStore,
      jobs: app.jobQueue,
      definitions,
      records,
      clock,
      hub: app.liveHub
    });
    const adapters2 = {
      telegram: new TelegramAdapter(new SendPacing(() => performance.now())),
      email: new EmailAdapter(),
      webhook: new WebhookAdapter(app.gateway, clock)
    };
    const published = new PublishedChannels(definitions, app.secrets, adapters2);
    const channels = new ChannelRegistry(published);
    app.jobWorker.registerHandler(
      sendJobName,
      sendJob(
        db,
        channels,
        app.fileStore,
        (tx, conversation, message2) => pushMessage(app.liveHub, db, tx, conversation, message2)
      )
    );
    app.decorate("conversations", conversations);
    app.decorate("channels", channels);
    const emailInbound = new EmailInbound({ db, conversations });
    app.decorate("emailInbound", emailInbound);
    const { smtpListenPort, smtpListenHost } = app.settings;
    if (smtpListenPort !== void 0)
      app.addHook("onReady", async () => {
        const port = await emailInbound.listen(smtpListenPort, smtpListenHost);
        app.log.info(`Inbound e-mail: SMTP listener on ${smtpListenHost}:${port}`);
      });
    app.addHook("onClose", () => emailInbound.close());
    const telegramPollers = new TelegramPollers({ db, conversations, channels, log: app.log });
    app.decorate("telegramPollers", telegramPollers);
    app.addHook("onClose", () => telegramPollers.close());
    const imapPollers = new ImapPollers({
      db,
      conversations,
      secrets: app.secrets,
      locks: sessionLocks(db),
      log: app.log
    });
    app.decorate("imapPollers", imapPollers);
    app.addHook("onClose", () => imapPollers.close());
    await app.register(conversationRoutes, { prefix: apiPrefix, conversations, records });
    await app.register(conversationWorkRoutes, { prefix: apiPrefix });
    await app.register(answerUploadRoutes, { prefix: apiPrefix });
    await app.register(telegramWebhookRoutes, { prefix: apiPrefix, conversations, channels });
    await app.register(webhookInboundRoutes, {
      prefix: apiPrefix,
      db,
      hub: app.liveHub,
      clock,
      conversations,
      channels
    });
  },
  { name: "conversations", dependencies: ["records", "definitions", "secrets"] }
);

// server/src/modules/csat/index.ts
import fp10 from "fastify-plugin";

// server/src/modules/csat/client-locale.ts
var cyrillic = /[\u0400-\u04FF]/;
var latin = /[A-Za-z]/;
async function clientLocale(db, tx, conversationId) {
  const rows = await db.query(
    `select text from message where conversation_id = ? and direction = 'in' order by seq desc limit 5`,
    [conversationId],
    tx
  );
  const written = rows.map((row) => row.text).join(" ");
  if (cyrillic.test(written)) return "ru";
  return latin.test(written) ? "en" : "ru";
}

// server/src/modules/csat/csat-texts.ts
var texts2 = {
  question: {
    ru: "\u0414\u0438\u0430\u043B\u043E\u0433 \u0437\u0430\u0432\u0435\u0440\u0448\u0451\u043D. \u041E\u0446\u0435\u043D\u0438\u0442\u0435, \u043F\u043E\u0436\u0430\u043B\u0443\u0439\u0441\u0442\u0430, \u043A\u0430\u043A \u043C\u044B \u0432\u0430\u043C \u043F\u043E\u043C\u043E\u0433\u043B\u0438: \u043E\u0442 1 (\u043F\u043B\u043E\u0445\u043E) \u0434\u043E 5 (\u043E\u0442\u043B\u0438\u0447\u043D\u043E).",
    en: "The conversation is closed. Please rate our help from 1 (poor) to 5 (excellent)."
  },
  questionByLink: {
    ru: "\u0414\u0438\u0430\u043B\u043E\u0433 \u0437\u0430\u0432\u0435\u0440\u0448\u0451\u043D. \u041E\u0446\u0435\u043D\u0438\u0442\u0435, \u043F\u043E\u0436\u0430\u043B\u0443\u0439\u0441\u0442\u0430, \u043A\u0430\u043A \u043C\u044B \u0432\u0430\u043C \u043F\u043E\u043C\u043E\u0433\u043B\u0438 (\u043E\u0442 1 \u0434\u043E 5), \u043F\u043E \u0441\u0441\u044B\u043B\u043A\u0435: {link}\n\u0421\u0441\u044B\u043B\u043A\u0430 \u0434\u0435\u0439\u0441\u0442\u0432\u0443\u0435\u0442 {days} \u0434\u043D\u0435\u0439.",
    en: "The conversation is closed. Please rate our help (1 to 5) here: {link}\nThe link works for {days} days."
  },
  thanks: {
    ru: "\u0421\u043F\u0430\u0441\u0438\u0431\u043E \u0437\u0430 \u043E\u0446\u0435\u043D\u043A\u0443! \u0415\u0441\u043B\u0438 \u0445\u043E\u0442\u0438\u0442\u0435, \u043D\u0430\u043F\u0438\u0448\u0438\u0442\u0435 \u043F\u0430\u0440\u0443 \u0441\u043B\u043E\u0432 \u043E \u0442\u043E\u043C, \u0447\u0442\u043E \u043C\u043E\u0436\u043D\u043E \u0443\u043B\u0443\u0447\u0448\u0438\u0442\u044C.",
    en: "Thank you for your rating! If you like, tell us in a few words what we could do better."
  },
  thanksFinal: { ru: "\u0421\u043F\u0430\u0441\u0438\u0431\u043E \u0437\u0430 \u043E\u0446\u0435\u043D\u043A\u0443!", en: "Thank you for your rating!" }
};
function csatText(locale, key2, params = {}) {
  let out = texts2[key2][locale] ?? texts2[key2].ru;
  for (const [name, value] of Object.entries(params)) out = out.split(`{${name}}`).join(String(value));
  return out;
}
var ratingButtons = [1, 2, 3, 4, 5].map((score) => ({
  label: String(score),
  value: `csat:${score}`
}));

// server/src/modules/csat/csat-token.ts
import { createHash as createHash5, randomBytes as randomBytes3 } from "node:crypto";
var csatLinkDays = 7;
function newCsatToken() {
  const token2 = randomBytes3(32).toString("base64url");
  return { token: token2, hash: csatTokenHash(token2) };
}
var csatTokenHash = (token2) => createHash5("sha256").update(token2).digest("hex");
var csatTokenPattern = "^[A-Za-z0-9_-]{43}$";

// server/src/modules/csat/ask-rating.ts
var rated = /* @__PURE__ */ new Set(["widget", "telegram", "webhook", "email"]);
var csatPagePath = (token2) => `/csat/${token2}`;
function askRatingOnClose(deps) {
  const { db, conversations } = deps;
  return async (tx, { after, actor, now, origin }) => {
    if (after.status !== "closed" || !actor || !rated.has(after.channel)) return;
    const locale = await clientLocale(db, tx, after.id);
    const email = after.channel === "email";
    const token2 = email ? newCsatToken() : null;
    const link = token2 ? `${(origin ?? "").replace(/\/+$/, "")}${csatPagePath(token2.token)}` : "";
    const question = await conversations.answerWithin(
      tx,
      after.id,
      {
        authorKind: "system",
        message: email ? {
          text: csatText(locale, "questionByLink", { link, days: csatLinkDays }),
          parts: [],
          attachments: []
        } : {
          text: csatText(locale, "question"),
          parts: [{ type: "buttons", buttons: ratingButtons }],
          attachments: []
        }
      },
      actor
    );
    const operatorId = after.operatorId ?? actor.id;
    await upsertAsk(db, tx, { ...after, operatorId }, question.id, now, token2?.hash ?? null);
  };
}
async function upsertAsk(db, tx, conversation, questionId, now, tokenHash) {
  const expires = tokenHash ? new Date(now.getTime() + csatLinkDays * 864e5) : null;
  await db.query(
    `insert into csat (conversation_id, channel, line_key, operator_id, question_message_id, asked_at, token_hash,
       token_expires_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (conversation_id) do update set line_key = excluded.line_key, operator_id = excluded.operator_id,
       question_message_id = excluded.question_message_id, asked_at = excluded.asked_at,
       token_hash = excluded.token_hash, token_expires_at = excluded.token_expires_at`,
    [
      conversation.id,
      conversation.channel,
      conversation.lineKey,
      conversation.operatorId,
      questionId,
      now,
      tokenHash,
      expires
    ],
    tx
  );
}

// server/src/modules/csat/csat-routes.ts
import { Type as Type23 } from "@sinclair/typebox";

// server/src/modules/supervisor/board-signal.ts
function signalBoard(hub, tx) {
  return hub ? hub.send(tx, [liveAddress.supervisors], { type: "board" }) : Promise.resolve();
}

// server/src/modules/csat/csat-row.ts
var iso4 = (value) => value == null ? null : new Date(value).toISOString();
var csatView = (row) => ({
  conversationId: String(row.conversation_id),
  channel: String(row.channel),
  lineKey: row.line_key == null ? null : String(row.line_key),
  operatorId: row.operator_id == null ? null : String(row.operator_id),
  askedAt: iso4(row.asked_at),
  score: row.score == null ? null : Number(row.score),
  comment: row.comment == null ? null : String(row.comment),
  ratedAt: iso4(row.rated_at)
});
async function lockAsk(db, tx, where) {
  const [row] = await db.query(
    `select s.*, c.status as conversation_status, c.closed_at as conversation_closed_at from csat s
       join conversation c on c.id = s.conversation_id
      where ${"tokenHash" in where ? "s.token_hash = ?" : "s.conversation_id = ?"}
      for update of s`,
    ["tokenHash" in where ? where.tokenHash : where.conversationId],
    tx
  );
  if (!row) return null;
  const changeable = row.conversation_status === "closed" && new Date(row.conversation_closed_at).getTime() <= new Date(row.asked_at).getTime();
  return { row, changeable };
}

// server/src/modules/csat/csat-schemas.ts
import { Type as Type22 } from "@sinclair/typebox";
var Instant = Type22.String({ format: "date-time" });
var Nullable3 = (schema) => Type22.Union([schema, Type22.Null()]);
var CsatSchema = Type22.Object({
  conversationId: Uuid,
  channel: Type22.String(),
  lineKey: Nullable3(Type22.String()),
  operatorId: Nullable3(Type22.String()),
  askedAt: Instant,
  score: Type22.Union([Type22.Integer({ minimum: 1, maximum: 5 }), Type22.Null()]),
  comment: Nullable3(Type22.String()),
  ratedAt: Nullable3(Instant)
});
var TokenParams = Type22.Object(
  { token: Type22.String({ pattern: csatTokenPattern }) },
  { additionalProperties: false }
);
var Comment = Type22.String({ maxLength: 2e3 });
var RateInput = Type22.Object(
  { score: Type22.Integer({ minimum: 1, maximum: 5 }), comment: Type22.Optional(Comment) },
  { additionalProperties: false }
);
var CommentInput = Type22.Object({ comment: Comment }, { additionalProperties: false });
var TokenRatingSchema = Type22.Object({
  score: Type22.Union([Type22.Integer(), Type22.Null()]),
  comment: Nullable3(Type22.String()),
  expiresAt: Instant,
  changeable: Type22.Boolean()
});
var StatsQuery = Type22.Object(
  {
    from: Type22.Optional(Instant),
    to: Type22.Optional(Instant),
    line: Type22.Optional(Type22.String({ minLength: 1, maxLength: 100 })),
    operator: Type22.Optional(Uuid)
  },
  { additionalProperties: false }
);
var count = Type22.Integer({ minimum: 0 });
var StatsSchema = Type22.Object({
  count,
  average: Type22.Union([Type22.Number(), Type22.Null()]),
  distribution: Type22.Object({ "1": count, "2": count, "3": count, "4": count, "5": count }),
  asked: count
});

// server/src/modules/csat/csat-stats.ts
async function csatStats(db, filter) {
  const where = [];
  const params = [];
  const add = (sql, value) => {
    where.push(sql);
    params.push(value);
  };
  if (filter.line) add("line_key = ?", filter.line);
  if (filter.operator) add("operator_id = ?", filter.operator);
  const scoped = where.length ? `and ${where.join(" and ")}` : "";
  const period = (column) => {
    const parts = [];
    const values = [];
    if (filter.from) {
      parts.push(`${column} >= ?`);
      values.push(filter.from);
    }
    if (filter.to) {
      parts.push(`${column} < ?`);
      values.push(filter.to);
    }
    return { sql: parts.length ? `and ${parts.join(" and ")}` : "", values };
  };
  const rated2 = period("rated_at");
  const rows = await db.query(
    `select score, count(*) as n from csat where score is not null ${scoped} ${rated2.sql} group by score`,
    [...params, ...rated2.values]
  );
  const asked = period("asked_at");
  const [askedRow] = await db.query(
    `select count(*) as n from csat where true ${scoped} ${asked.sql}`,
    [...params, ...asked.values]
  );
  const distribution = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
  let count2 = 0;
  let sum = 0;
  for (const row of rows) {
    const n = Number(row.n);
    distribution[String(row.score)] = n;
    count2 += n;
    sum += n * Number(row.score);
  }
  return {
    count: count2,
    average: count2 ? Math.round(sum / count2 * 100) / 100 : null,
    distribution,
    asked: Number(askedRow?.n ?? 0)
  };
}

// server/src/modules/csat/record-rating.ts
async function applyRating(db, tx, ask, change, now) {
  const before = csatView(ask.row);
  if (!ask.changeable) throw new AppError(409, "csat_final", "csat_final");
  if (change.score === void 0 && before.score === null)
    throw new AppError(409, "csat_not_rated", "csat_not_rated");
  const score = change.score ?? before.score;
  const comment = change.comment === void 0 ? before.comment : change.comment.trim() || null;
  if (score === before.score && comment === before.comment)
    return { rating: before, scoreChanged: false, changed: false };
  const [row] = await db.query(
    "update csat set score = ?, comment = ?, rated_at = ? where conversation_id = ? returning *",
    [score, comment, now, before.conversationId],
    tx
  );
  const rating = csatView(row);
  audit(tx, null, {
    action: "update",
    targetType: "conversation",
    targetId: before.conversationId,
    before: { csat: { score: before.score, comment: before.comment } },
    after: { csat: { score: rating.score, comment: rating.comment } },
    at: now
  });
  return { rating, scoreChanged: score !== before.score, changed: true };
}

// server/src/modules/csat/csat-routes.ts
var tags9 = ["csat"];
var csatRoutes = async (app, { db, clock }) => {
  const askByToken = async (tx, token2) => {
    const ask = await lockAsk(db, tx, { tokenHash: csatTokenHash(token2) });
    if (!ask) throw fail.notFound("rating link");
    if (new Date(ask.row.token_expires_at).getTime() <= dateOf(clock).getTime())
      throw new AppError(410, "csat_link_expired", "csat_link_expired");
    return ask;
  };
  app.get(
    "/csat/ratings/:token",
    {
      config: { access: "public" },
      schema: {
        tags: tags9,
        summary: "The rating an e-mailed link gives (no sign-in): score so far, until when, whether it can change",
        params: TokenParams,
        response: { 200: TokenRatingSchema, 410: ErrorResponse, ...errorResponses }
      }
    },
    (request) => db.transaction(async (tx) => {
      const ask = await askByToken(tx, request.params.token);
      const view6 = csatView(ask.row);
      return {
        score: view6.score,
        comment: view6.comment,
        expiresAt: new Date(ask.row.token_expires_at).toISOString(),
        changeable: ask.changeable
      };
    })
  );
  app.post(
    "/csat/ratings/:token",
    {
      config: { access: "public" },
      schema: {
        tags: tags9,
        summary: "Rate a dialog through its e-mailed link: 1\u20135 and an optional comment; may be changed until it reopens",
        params: TokenParams,
        body: RateInput,
        response: { 200: TokenRatingSchema, 410: ErrorResponse, ...errorResponses }
      }
    },
    (request) => db.transaction(async (tx) => {
      const ask = await askByToken(tx, request.params.token);
      const { score, comment } = request.body;
      const { rating, scoreChanged } = await applyRating(
        db,
        tx,
        ask,
        { score, comment: comment ?? "" },
        dateOf(clock)
      );
      if (scoreChanged) await signalBoard(app.liveHub, tx);
      return {
        score: rating.score,
        comment: rating.comment,
        expiresAt: new Date(ask.row.token_expires_at).toISOString(),
        changeable: true
      };
    })
  );
  app.get(
    "/conversations/:id/csat",
    {
      config: { access: contactCentre },
      schema: {
        tags: tags9,
        summary: "The client\u2019s rating of a dialog (null when they were never asked)",
        params: IdParams,
        response: { 200: Type23.Object({ rating: Type23.Union([CsatSchema, Type23.Null()]) }), ...errorResponses }
      }
    },
    async (request) => {
      const [row] = await db.query("select * from csat where conversation_id = ?", [
        request.params.id
      ]);
      return { rating: row ? csatView(row) : null };
    }
  );
  app.get(
    "/csat",
    {
      config: { access: ["admin", "supervisor"] },
      schema: {
        tags: tags9,
        summary: "CSAT for a period: how many ratings, their average and distribution, by line and/or operator",
        description: "`from` inclusive, `to` exclusive, both on when the client rated.",
        querystring: StatsQuery,
        response: { 200: StatsSchema, ...errorResponses }
      }
    },
    (request) => {
      const { from, to } = request.query;
      if (from && to && new Date(from) >= new Date(to))
        throw new AppError(400, "csat_period_empty", "csat_period_empty");
      return csatStats(db, request.query);
    }
  );
};

// server/src/modules/csat/rate-by-press.ts
function rateByPress(deps) {
  const { db, conversations } = deps;
  return async (tx, contact, pressed) => {
    if (!Number.isInteger(pressed.index) || pressed.index < 0 || pressed.index >= ratingButtons.length)
      return null;
    const [offer] = await db.query(
      `select s.conversation_id from message m
         join conversation c on c.id = m.conversation_id
         left join csat s on s.question_message_id = m.id
        where c.contact_id = ? and m.direction = 'out' and not m.internal and jsonb_array_length(m.parts) > 0
        order by m.seq desc limit 1`,
      [contact.id],
      tx
    );
    if (!offer?.conversation_id) return null;
    const [row] = await db.query(
      "select * from conversation where id = ? for update",
      [offer.conversation_id],
      tx
    );
    const ask = await lockAsk(db, tx, { conversationId: offer.conversation_id });
    if (!ask?.changeable) return null;
    return {
      conversation: conversationView(row),
      after: async (inTx) => {
        const now = dateOf(deps.clock);
        const { scoreChanged } = await applyRating(db, inTx, ask, { score: pressed.index + 1 }, now);
        if (!scoreChanged) return;
        const locale = await clientLocale(db, inTx, offer.conversation_id);
        const thanks = ask.row.channel === "widget" ? "thanks" : "thanksFinal";
        await conversations.answerWithin(
          inTx,
          offer.conversation_id,
          { authorKind: "system", message: { text: csatText(locale, thanks), parts: [], attachments: [] } },
          null
        );
      }
    };
  };
}

// server/src/modules/csat/index.ts
var csatModule = fp10(
  async (app) => {
    const { db, clock, conversations } = app;
    conversations.onStatusChanged(askRatingOnClose({ db, conversations }));
    conversations.onPressed(rateByPress({ db, conversations, clock }));
    await app.register(csatRoutes, { prefix: apiPrefix, db, clock });
  },
  { name: "csat", dependencies: ["conversations"] }
);

// server/src/modules/definitions/index.ts
import fp11 from "fastify-plugin";

// server/src/modules/definitions/definition-routes.ts
import { Type as Type24 } from "@sinclair/typebox";
var tags10 = ["definitions"];
var definitionRoutes = async (app, { definitions }) => {
  const design = { access: canDesign };
  app.get(
    "/definitions",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "List definitions",
        querystring: ListQuery,
        response: { 200: PageOf(DefinitionSummarySchema), ...errorResponses }
      }
    },
    (request) => definitions.list(request.query)
  );
  app.post(
    "/definitions",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "Create a draft definition",
        body: CreateBody,
        response: { 201: DefinitionSchema, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(await definitions.create(request.body, request.actor, requestLocale(request)))
  );
  app.get(
    "/definitions/:id",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "Get a definition with its draft body",
        params: IdParams,
        response: { 200: DefinitionSchema, ...errorResponses }
      }
    },
    (request) => definitions.get(request.params.id)
  );
  app.put(
    "/definitions/:id",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "Save the draft (optimistic concurrency on draftVersion)",
        params: IdParams,
        body: UpdateBody,
        response: { 200: DefinitionSchema, ...errorResponses }
      }
    },
    (request) => definitions.update(request.params.id, request.body, request.actor, requestLocale(request))
  );
  app.delete(
    "/definitions/:id",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "Delete a never-published draft",
        params: IdParams,
        querystring: DraftVersionQuery,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await definitions.remove(request.params.id, request.query.draftVersion, request.actor);
      return reply.status(204).send(null);
    }
  );
  app.post(
    "/definitions/:id/publish",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "Validate the draft and its references; publish an immutable version",
        params: IdParams,
        body: DraftVersionBody,
        response: { 201: VersionSchema, 422: ErrorResponse, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(
      await definitions.publish(
        request.params.id,
        request.body.draftVersion,
        request.actor,
        requestLocale(request)
      )
    )
  );
  app.post(
    "/definitions/:id/archive",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "Archive a definition",
        params: IdParams,
        response: { 200: DefinitionSchema, ...errorResponses }
      }
    },
    (request) => definitions.archive(request.params.id, request.actor)
  );
  app.get(
    "/definitions/:id/versions",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "Published versions, newest first",
        params: IdParams,
        response: { 200: Type24.Object({ items: Type24.Array(VersionSummarySchema) }), ...errorResponses }
      }
    },
    (request) => definitions.versions(request.params.id)
  );
  app.get(
    "/definitions/:id/versions/:version",
    {
      config: design,
      schema: {
        tags: tags10,
        summary: "One published version",
        params: Type24.Object(
          { id: Uuid, version: Type24.Integer({ minimum: 1 }) },
          { additionalProperties: false }
        ),
        response: { 200: VersionSchema, ...errorResponses }
      }
    },
    (request) => definitions.version(request.params.id, request.params.version)
  );
  app.get(
    "/published/:kind/:key",
    {
      config: { access: staff },
      schema: {
        tags: tags10,
        summary: "The latest published version of a definition (what screens and engines run)",
        params: Type24.Object(
          { kind: Kind, key: Type24.String({ maxLength: 63 }) },
          { additionalProperties: false }
        ),
        response: { 200: VersionSchema, ...errorResponses }
      }
    },
    async (request) => {
      const version = await definitions.latestPublished(
        request.params.kind,
        request.params.key
      );
      if (!version) throw fail.notFound(`${request.params.kind} ${request.params.key}`);
      return version;
    }
  );
};

// server/src/modules/definitions/definition-service.ts
import { randomUUID as randomUUID13 } from "node:crypto";
import { LockMode } from "@mikro-orm/core";
import {
  checkReferences,
  collectReferences
} from "@opora/runtime/definitions";
import {
  definitionRights as definitionRights2,
  mayChangeDefinition as mayChangeDefinition2
} from "@opora/sdk";

// server/src/db/entities/definition-version.ts
import { EntitySchema as EntitySchema6 } from "@mikro-orm/core";
var DefinitionVersionEntity = class {
  id;
  definitionId;
  version;
  name;
  body;
  publishedAt;
  publishedBy = null;
};
var definitionVersionSchema = new EntitySchema6({
  class: DefinitionVersionEntity,
  tableName: "definition_version",
  uniques: [{ properties: ["definitionId", "version"] }],
  properties: {
    id: { type: "uuid", primary: true },
    definitionId: { type: "uuid" },
    version: { type: "integer" },
    name: { type: "text" },
    body: { type: "json" },
    publishedAt: { type: "Date", columnType: "timestamptz" },
    publishedBy: { type: "text", nullable: true }
  }
});

// server/src/db/escape-like.ts
var escapeLike = (text2) => text2.replace(/[\\%_]/g, (c) => `\\${c}`);
var containsPattern = (text2) => `%${escapeLike(text2)}%`;

// server/src/modules/definitions/body-problems.ts
import { migrateDefinitionBody as migrateDefinitionBody3, validateDefinitionBody } from "@opora/runtime/definitions";
function checkBody(kind, body, locale, prefix) {
  let migrated;
  try {
    migrated = migrateDefinitionBody3(kind, body);
  } catch (error) {
    return {
      body,
      details: [
        { pointer: `${prefix}/schemaVersion`, message: error.message, code: "schema_version" }
      ]
    };
  }
  return { body: migrated, details: prefixed(validateDefinitionBody(kind, migrated, locale), prefix) };
}
var prefixed = (problems, prefix) => problems.map((p) => ({ pointer: `${prefix}${p.pointer}`, message: p.message, code: p.code }));

// server/src/modules/definitions/definition-view.ts
var summaryView2 = (d) => ({
  id: d.id,
  kind: d.kind,
  key: d.key,
  name: d.name,
  description: d.description,
  status: d.status,
  draftVersion: d.draftVersion,
  latestVersion: d.latestVersion,
  hasUnpublishedChanges: d.hasUnpublishedChanges,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  updatedBy: d.updatedBy
});
var definitionView = (d) => ({ ...summaryView2(d), body: d.body });
var versionSummaryView = (v) => ({
  version: v.version,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy
});
var versionView = (d, v) => ({
  ...versionSummaryView(v),
  definitionId: d.id,
  kind: d.kind,
  key: d.key,
  name: v.name,
  body: v.body
});

// server/src/modules/definitions/definition-service.ts
var sortColumns = { name: "name", updatedAt: "updatedAt" };
var DefinitionService = class {
  constructor(db, clock) {
    this.db = db;
    this.clock = clock;
  }
  db;
  clock;
  extensions = /* @__PURE__ */ new Map();
  cleaners = /* @__PURE__ */ new Map();
  extend(kind, extension) {
    this.extensions.set(kind, extension);
  }
  /** Rewrites every valid body of the kind before it is stored (e.g. sanitizing the HTML authors put in pages). */
  cleanOnSave(kind, clean) {
    this.cleaners.set(kind, clean);
  }
  checked(kind, raw, locale) {
    const { body, details } = checkBody(kind, raw, locale, "/body");
    const clean = this.cleaners.get(kind);
    return { body: clean && !details.length ? clean(body) : body, details };
  }
  async list(query) {
    const { kind, status, q, sort = "-updatedAt", limit = 50, offset = 0 } = query;
    const like = q ? containsPattern(q) : void 0;
    const where = {
      ...kind ? { kind } : {},
      ...status ? { status } : {},
      ...like ? { $or: [{ name: { $ilike: like } }, { key: { $ilike: like } }] } : {}
    };
    const column = sortColumns[sort.replace("-", "")];
    const [rows, total] = await this.db.em().findAndCount(DefinitionEntity, where, {
      orderBy: [{ [column]: sort.startsWith("-") ? "desc" : "asc" }, { id: "asc" }],
      limit,
      offset
    });
    return { items: rows.map(summaryView2), total, limit, offset };
  }
  async get(id) {
    return definitionView(await this.find(this.db.em(), id));
  }
  async create(input, actor, locale, em) {
    assertMay(actor, input.kind, "write");
    const { body, details } = this.checked(input.kind, input.body, locale);
    if (details.length) throw fail.validation(details);
    const run = async (tx) => {
      if (await tx.count(DefinitionEntity, { kind: input.kind, key: input.key }))
        throw fail.duplicate(`${input.kind} ${input.key}`, "/key");
      const now = dateOf(this.clock);
      const definition = Object.assign(new DefinitionEntity(), {
        id: randomUUID13(),
        kind: input.kind,
        key: input.key,
        name: input.name,
        description: input.description ?? "",
        body,
        createdBy: actor?.name ?? null,
        updatedBy: actor?.name ?? null,
        createdAt: now,
        updatedAt: now
      });
      await tx.persistAndFlush(definition);
      audit(tx, actor, {
        at: now,
        action: "create",
        targetType: "definition",
        targetId: definition.id,
        entity: input.kind,
        after: definitionView(definition)
      });
      return definition;
    };
    return definitionView(em ? await run(em) : await this.db.transaction(run));
  }
  async update(id, update, actor, locale, em) {
    const run = async (tx) => {
      const definition = await this.lock(tx, id, update.draftVersion);
      assertMay(actor, definition.kind, "write");
      const { body, details } = this.checked(definition.kind, update.body, locale);
      if (details.length) throw fail.validation(details);
      const before = definitionView(definition);
      const now = dateOf(this.clock);
      Object.assign(definition, {
        name: update.name,
        description: update.description ?? definition.description,
        body,
        draftVersion: definition.draftVersion + 1,
        hasUnpublishedChanges: true,
        updatedAt: now,
        updatedBy: actor?.name ?? null
      });
      audit(tx, actor, {
        at: now,
        action: "update",
        targetType: "definition",
        targetId: id,
        entity: definition.kind,
        before,
        after: definitionView(definition)
      });
      return definition;
    };
    return definitionView(em ? await run(em) : await this.db.transaction(run));
  }
  async remove(id, draftVersion, actor) {
    await this.db.transaction(async (tx) => {
      const definition = await this.lock(tx, id, draftVersion);
      assertMay(actor, definition.kind, "write");
      if (definition.latestVersion !== null) throw fail.hasVersions();
      audit(tx, actor, {
        at: dateOf(this.clock),
        action: "delete",
        targetType: "definition",
        targetId: id,
        entity: definition.kind,
        before: definitionView(definition)
      });
      tx.remove(definition);
    });
  }
  async archive(id, actor) {
    return this.db.transaction(async (tx) => {
      const definition = await this.find(tx, id, true);
      assertMay(actor, definition.kind, "archive");
      if (definition.status === "archived")
        throw fail.alreadyArchived(`${definition.kind} ${definition.key}`);
      definition.status = "archived";
      definition.updatedAt = dateOf(this.clock);
      audit(tx, actor, {
        at: definition.updatedAt,
        action: "archive",
        targetType: "definition",
        targetId: id,
        entity: definition.kind
      });
      return definitionView(definition);
    });
  }
  /** Validates the draft and what it references; refuses with every problem, or stores the next immutable version. */
  async publish(id, draftVersion, actor, locale, em) {
    const run = async (tx) => {
      const definition = await this.lock(tx, id, draftVersion);
      assertMay(actor, definition.kind, "publish");
      if (definition.status === "published" && await this.draftIsLatest(tx, definition))
        throw fail.nothingToPublish(definition.latestVersion ?? 0);
      const { body, details } = checkBody(definition.kind, definition.body, locale, "/body");
      const references2 = details.length ? [] : await this.referenceProblems(tx, definition.kind, body, locale);
      const extension = this.extensions.get(definition.kind);
      const extra = details.length || !extension ? [] : (await extension.check(body, locale, tx, {
        definitionId: id,
        key: definition.key,
        latestVersion: definition.latestVersion
      })).map((d) => ({ ...d, pointer: `/body${d.pointer}` }));
      if (details.length || references2.length || extra.length)
        throw fail.definitionInvalid([...details, ...references2, ...extra]);
      const now = dateOf(this.clock);
      const version = Object.assign(new DefinitionVersionEntity(), {
        id: randomUUID13(),
        publishedAt: now,
        definitionId: id,
        version: (definition.latestVersion ?? 0) + 1,
        name: definition.name,
        body,
        publishedBy: actor?.name ?? null
      });
      Object.assign(definition, {
        body,
        status: "published",
        latestVersion: version.version,
        hasUnpublishedChanges: false
      });
      tx.persist(version);
      await extension?.published?.(tx, {
        definitionId: id,
        key: definition.key,
        version: version.version,
        body,
        locale
      });
      audit(tx, actor, {
        at: now,
        action: "publish",
        targetType: "definition",
        targetId: id,
        entity: definition.kind,
        after: { version: version.version }
      });
      return versionView(definition, version);
    };
    return em ? run(em) : this.db.transaction(run);
  }
  async versions(id) {
    const em = this.db.em();
    await this.find(em, id);
    const rows = await em.find(
      DefinitionVersionEntity,
      { definitionId: id },
      { orderBy: { version: "desc" } }
    );
    return {
      items: rows.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt.toISOString(),
        publishedBy: v.publishedBy
      }))
    };
  }
  async version(id, number) {
    const em = this.db.em();
    const definition = await this.find(em, id);
    const version = await em.findOne(DefinitionVersionEntity, { definitionId: id, version: number });
    if (!version) throw fail.notFound(`${definition.kind} ${definition.key} v${number}`);
    return versionView(definition, version);
  }
  /** The latest published version of kind/key, or null; what running instances and screens execute. One query. */
  async latestPublished(kind, key2, em) {
    const [row] = await this.db.query(
      `select d.id, d.kind, d.key, v.name, v.version, v.body, v.published_at, v.published_by
       from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
       where d.kind = ? and d.key = ?`,
      [kind, key2],
      em
    );
    if (!row) return null;
    return {
      definitionId: row.id,
      kind: row.kind,
      key: row.key,
      name: row.name,
      version: row.version,
      body: typeof row.body === "string" ? JSON.parse(row.body) : row.body,
      publishedAt: new Date(row.published_at).toISOString(),
      publishedBy: row.published_by
    };
  }
  /** Whether the draft (name and body) is what the latest version already holds: publishing it adds nothing. */
  async draftIsLatest(em, definition) {
    if (definition.latestVersion === null) return false;
    if (!definition.hasUnpublishedChanges) return true;
    const latest = await em.findOne(DefinitionVersionEntity, {
      definitionId: definition.id,
      version: definition.latestVersion
    });
    return latest !== null && latest.name === definition.name && canonicalJson(latest.body) === canonicalJson(definition.body);
  }
  async referenceProblems(em, kind, body, locale) {
    const published = /* @__PURE__ */ new Map();
    for (const ref of collectReferences(kind, body)) {
      const id = `${ref.kind}:${ref.key}`;
      if (!published.has(id)) published.set(id, (await this.latestPublished(ref.kind, ref.key, em))?.body);
    }
    return prefixed(
      checkReferences(kind, body, (k, key2) => published.get(`${k}:${key2}`), locale),
      "/body"
    );
  }
  async find(em, id, forUpdate = false) {
    const definition = await em.findOne(
      DefinitionEntity,
      { id },
      forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}
    );
    if (!definition) throw fail.notFound(`definition ${id}`);
    return definition;
  }
  async lock(em, id, draftVersion) {
    const definition = await this.find(em, id, true);
    if (definition.draftVersion !== draftVersion)
      throw fail.versionConflict(draftVersion, definition.draftVersion);
    return definition;
  }
};
function assertMay(actor, kind, action) {
  if (actor && !mayChangeDefinition2(actor.roles, kind, action))
    throw fail.definitionForbidden(kind, action, definitionRights2[kind][action]);
}

// server/src/modules/definitions/index.ts
var definitionsModule = fp11(
  async (app) => {
    const definitions = new DefinitionService(app.db, app.clock);
    app.decorate("definitions", definitions);
    await app.register(definitionRoutes, { prefix: apiPrefix, definitions });
  },
  { name: "definitions", dependencies: ["auth"] }
);

// server/src/modules/dialog-side/index.ts
import fp12 from "fastify-plugin";

// server/src/modules/dialog-side/dialog-side-routes.ts
import { Type as Type25 } from "@sinclair/typebox";

// server/src/modules/dialog-side/suggestion-query.ts
var suggestionBounds = { messages: 3, chars: 500 };
function suggestionQuery(newestFirst) {
  const text2 = newestFirst.slice(0, suggestionBounds.messages).map((message2) => message2.replace(/\s+/g, " ").trim()).filter((message2) => message2 !== "").join(" ");
  return text2.length > suggestionBounds.chars ? text2.slice(0, suggestionBounds.chars) : text2;
}
function pasteText(bodyText, summary3, limit = 1e3) {
  const body = bodyText.replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
  if (!body) return summary3.trim();
  if (body.length <= limit) return body;
  const cut = body.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}

// server/src/modules/dialog-side/article-suggestions.ts
var suggestionCount = 5;
async function articleSuggestions(deps, conversationId, typed, actor, origin) {
  const { db, search } = deps;
  const [conversation] = await db.query("select 1 from conversation where id = ?", [conversationId]);
  if (!conversation) throw fail.notFound("conversation");
  const query = typed?.trim() || suggestionQuery(await lastClientTexts(db, conversationId));
  if (!query) return { query, items: [] };
  const found = await search.search({ q: query, limit: suggestionCount }, actor, { recordGaps: false });
  const ids2 = found.items.map((hit) => hit.id);
  if (!ids2.length) return { query, items: [] };
  const rows = await db.query(
    `select id, key, title, summary, left(body_text, 4000) as body_text, audience
       from kb_article where id = any(?::uuid[])`,
    [toPgArray(ids2)]
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids2.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        key: row.key,
        title: row.title,
        summary: row.summary,
        text: pasteText(row.body_text, row.summary),
        url: `${origin.replace(/\/+$/, "")}/kb/${encodeURIComponent(row.key)}`,
        audience: row.audience
      }
    ];
  });
  return { query, items };
}
async function lastClientTexts(db, conversationId) {
  const rows = await db.query(
    `select left(text, ?) as text from message
      where conversation_id = ? and author_kind = 'client' and not internal
      order by seq desc limit ?`,
    [suggestionBounds.chars, conversationId, suggestionBounds.messages]
  );
  return rows.map((row) => row.text);
}

// server/src/modules/dialog-side/client-link.ts
function linkClient(deps, conversationId, clientRecordId, actor, now) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const account = await clientAccount(deps, tx);
    await deps.records.get(account.clients, clientRecordId, actor, tx);
    return relink(deps, tx, conversationId, clientRecordId, actor, now);
  });
}
function createClient(deps, conversationId, actor, locale, now) {
  return deps.db.transaction(async (tx) => {
    const account = await clientAccount(deps, tx);
    const conversation = await lockConversation(deps.db, tx, conversationId);
    const [row] = await deps.db.query(
      "select * from contact where id = ?",
      [conversation.contactId],
      tx
    );
    if (!row) throw fail.notFound("contact");
    const contact = contactView(row);
    const name = contact.displayName ?? contact.email ?? contact.phone;
    if (!name)
      throw fail.validation([{ pointer: "/contact", message: { key: "contact_unnamed" }, code: "required" }]);
    const fields = { [account.clientName]: name };
    if (contact.email) fields[account.clientEmail] = contact.email;
    const phoneField = await phoneFieldOf(deps, account, tx);
    if (contact.phone && phoneField) fields[phoneField] = contact.phone;
    const record = await deps.records.create(account.clients, fields, actor, locale, { em: tx });
    await tx.flush();
    const linked = await relink(deps, tx, conversationId, record.id, actor, now);
    return { conversation: linked, clientRecordId: record.id };
  });
}
async function clientAccount(deps, tx) {
  const account = await portalAccount(deps.definitions, tx);
  if (!account) throw fail.notFound("client");
  return account;
}
async function phoneFieldOf(deps, account, tx) {
  const entity = await publishedEntity(deps.definitions, account.clients, tx);
  return entity?.fields.find((field) => field.type === "phone")?.key ?? null;
}
async function relink(deps, tx, conversationId, clientRecordId, actor, now) {
  const { db, hub } = deps;
  const conversation = await lockConversation(db, tx, conversationId);
  const [contact] = await db.query(
    "select client_record_id from contact where id = ? for update",
    [conversation.contactId],
    tx
  );
  if (!contact) throw fail.notFound("contact");
  const former = contact.client_record_id;
  if (former === clientRecordId && conversation.clientRecordId === clientRecordId) return conversation;
  await db.query(
    "update contact set client_record_id = ?, updated_at = ? where id = ?",
    [clientRecordId, now, conversation.contactId],
    tx
  );
  const moved = (await db.query(
    `update conversation set client_record_id = ?
        where contact_id = ? and client_record_id is distinct from ? returning *`,
    [clientRecordId, conversation.contactId, clientRecordId],
    tx
  )).map(conversationView);
  audit(tx, actor, {
    action: "update",
    targetType: "conversation",
    targetId: conversationId,
    before: { clientRecordId: conversation.clientRecordId, contactClientRecordId: former },
    after: { clientRecordId, contact: conversation.contactId, conversations: moved.map((c) => c.id) },
    at: now
  });
  for (const changed of moved) {
    const push = { type: "conversation", conversation: changed };
    await hub.send(tx, [liveAddress.contactCentre, liveAddress.conversation(changed.id)], push);
  }
  return moved.find((c) => c.id === conversationId) ?? { ...conversation, clientRecordId };
}

// server/src/modules/dialog-side/dialog-side-routes.ts
var tags11 = ["conversations"];
var SuggestionSchema = Type25.Object({
  id: Type25.String(),
  key: Type25.String(),
  title: Type25.String(),
  summary: Type25.String(),
  text: Type25.String(),
  url: Type25.String(),
  audience: Type25.Union([Type25.Literal("public"), Type25.Literal("clients"), Type25.Literal("staff")])
});
var dialogSideRoutes = async (app, deps) => {
  const config3 = { access: contactCentre };
  const actor = (request) => request.actor;
  const now = () => dateOf(app.clock);
  app.get(
    "/conversations/:id/suggestions",
    {
      config: config3,
      schema: {
        tags: tags11,
        summary: "Knowledge-base articles for a dialog: for `q`, else for the client\u2019s last messages (top 5)",
        description: "Without `q` the search reads the client\u2019s last 3 messages (500 characters, newest first). Staff-only articles are included; `url` is the article\u2019s portal address, `text` its plain body cut to 1000 characters.",
        params: IdParams,
        querystring: Type25.Object(
          { q: Type25.Optional(Type25.String({ maxLength: 500 })) },
          { additionalProperties: false }
        ),
        response: {
          200: Type25.Object({ query: Type25.String(), items: Type25.Array(SuggestionSchema) }),
          ...errorResponses
        }
      }
    },
    (request) => articleSuggestions(
      deps,
      request.params.id,
      request.query.q,
      actor(request),
      linkOrigin(app.settings.publicUrl, request)
    )
  );
  app.put(
    "/conversations/:id/client",
    {
      config: config3,
      schema: {
        tags: tags11,
        summary: "Link the dialog\u2019s contact (and its other dialogs) to another client card",
        params: IdParams,
        body: Type25.Object({ clientRecordId: Uuid }, { additionalProperties: false }),
        response: { 200: ConversationSchema, ...errorResponses }
      }
    },
    (request) => linkClient(deps, request.params.id, request.body.clientRecordId, actor(request), now())
  );
  app.post(
    "/conversations/:id/client",
    {
      config: config3,
      schema: {
        tags: tags11,
        summary: "Create a client card from the dialog\u2019s contact (name, e-mail, phone) and link the dialog to it",
        params: IdParams,
        response: {
          201: Type25.Object({ conversation: ConversationSchema, clientRecordId: Type25.String() }),
          ...errorResponses
        }
      }
    },
    async (request, reply) => {
      const made = await createClient(deps, request.params.id, actor(request), requestLocale(request), now());
      return reply.status(201).send(made);
    }
  );
};

// server/src/modules/dialog-side/index.ts
var dialogSideModule = fp12(
  async (app) => {
    const { db, definitions, records } = app;
    await app.register(dialogSideRoutes, {
      prefix: apiPrefix,
      db,
      definitions,
      records,
      hub: app.liveHub,
      search: app.kb.search
    });
  },
  { name: "dialog-side", dependencies: ["conversations", "kb", "records", "definitions"] }
);

// server/src/modules/distribution/index.ts
import fp13 from "fastify-plugin";

// server/src/modules/distribution/after-dialog-opened.ts
import { lineOpenAt, routeDialog } from "@opora/runtime/lines";

// server/src/modules/distribution/default-replies.ts
var defaultReplies = {
  queueFull: {
    ru: "\u0421\u0435\u0439\u0447\u0430\u0441 \u0432\u0441\u0435 \u043E\u043F\u0435\u0440\u0430\u0442\u043E\u0440\u044B \u0437\u0430\u043D\u044F\u0442\u044B \u0438 \u043E\u0447\u0435\u0440\u0435\u0434\u044C \u0437\u0430\u043F\u043E\u043B\u043D\u0435\u043D\u0430. \u041F\u043E\u0436\u0430\u043B\u0443\u0439\u0441\u0442\u0430, \u043D\u0430\u043F\u0438\u0448\u0438\u0442\u0435 \u043D\u0430\u043C \u0447\u0443\u0442\u044C \u043F\u043E\u0437\u0436\u0435 \u2014 \u043C\u044B \u043E\u0431\u044F\u0437\u0430\u0442\u0435\u043B\u044C\u043D\u043E \u043E\u0442\u0432\u0435\u0442\u0438\u043C.",
    en: "All our operators are busy and the queue is full right now. Please write to us a little later \u2014 we will answer."
  },
  outOfHours: {
    ru: "\u0421\u0435\u0439\u0447\u0430\u0441 \u043D\u0435\u0440\u0430\u0431\u043E\u0447\u0435\u0435 \u0432\u0440\u0435\u043C\u044F. \u041C\u044B \u043E\u0442\u0432\u0435\u0442\u0438\u043C, \u043A\u0430\u043A \u0442\u043E\u043B\u044C\u043A\u043E \u043D\u0430\u0447\u043D\u0451\u043C \u0440\u0430\u0431\u043E\u0442\u0443{resumes}.",
    en: "We are closed right now. We will answer as soon as we are back{resumes}."
  }
};

// server/src/modules/distribution/line-opening-job.ts
var lineOpeningJobName = "distribution.line-opens";
async function scheduleLineOpening(jobs, tx, lineKey, at) {
  await jobs.enqueue(
    lineOpeningJobName,
    { lineKey },
    { runAt: at, idempotencyKey: `${lineOpeningJobName}:${lineKey}:${at.toISOString()}` },
    tx
  );
}
var lineOpeningJob = (wake) => (_payload, ctx) => wake(ctx.em);

// server/src/modules/distribution/system-reply.ts
async function systemMessage(deps, tx, conversation, text2, now, options4 = {}) {
  const { db, jobs, hub } = deps;
  const internal = options4.internal === true;
  const { message: message2 } = await appendOutbound(
    db,
    tx,
    conversation,
    { authorKind: options4.authorKind ?? "system", message: { text: text2, parts: [], attachments: [] }, internal },
    options4.actor ?? null,
    now
  );
  await pushMessage(hub, db, tx, conversation, message2);
  if (!internal && sentByAdapter(conversation.channel))
    await jobs.enqueue(
      sendJobName,
      { messageId: message2.id },
      { idempotencyKey: sendJobKey(message2.id), maxAttempts: 10 },
      tx
    );
  return message2;
}

// server/src/modules/distribution/after-dialog-opened.ts
async function afterDialogOpened(deps, tx, conversation, message2, queued) {
  if (queued || conversation.handler !== "queue" || conversation.status !== "open") return conversation;
  return routeDialogNow(deps, tx, conversation, message2.text);
}
async function routeDialogNow(deps, tx, conversation, text2, waitingSince) {
  const { db } = deps;
  const now = dateOf(deps.clock);
  const lines = await deps.lines.all(tx);
  const language = clientLanguage(text2);
  const lineKey = routeDialog(lines, { channelKey: conversation.channelKey, text: text2, language });
  const line = lines.find((l) => l.key === lineKey)?.body ?? null;
  if (lineKey && (line?.botOnly || line?.bot))
    return setRoute(deps, tx, conversation, lineKey, "bot", 0, now, now);
  if (lineKey && line && await queueIsFull(deps, tx, lineKey, line))
    return refuse(deps, tx, conversation, lineKey, line, language, now);
  const priority = line?.priority ?? 0;
  const routed = await setRoute(deps, tx, conversation, lineKey, "queue", priority, now, waitingSince ?? now);
  const hours = line?.reopenToSameOperatorHours;
  if (hours) await preferLastOperator(deps, tx, routed, hours, now);
  if (lineKey && line) await answerOutOfHours(deps, tx, routed, lineKey, line, language, now);
  await requestDistribution(db, tx);
  return routed;
}
async function preferLastOperator(deps, tx, conversation, hours, now) {
  await deps.db.query(
    `update conversation set preferred_operator_id = (
       select last_operator_id from conversation
        where contact_id = ? and last_closed_at > ? and last_operator_id is not null
        order by last_closed_at desc limit 1)
      where id = ?`,
    [conversation.contactId, new Date(now.getTime() - hours * 36e5), conversation.id],
    tx
  );
}
async function queueIsFull(deps, tx, lineKey, line) {
  if (line.maxQueue === void 0) return false;
  const [waiting] = await deps.db.query(
    `select count(*) as n from (select 1 from conversation
      where line_key = ? and status = 'open' and handler = 'queue' and queued_at is not null limit ?) q`,
    [lineKey, line.maxQueue],
    tx
  );
  return Number(waiting?.n) >= line.maxQueue;
}
async function answerOutOfHours(deps, tx, conversation, lineKey, line, language, now) {
  const opening = lineOpenAt(line.hours, now);
  if (opening.open) return;
  const resumes = opening.resumesAt ? ` (${resumesText(opening.resumesAt, line.hours?.timeZone, language)})` : "";
  const reply = line.outOfHours ? inLanguage(line.outOfHours.reply, language) : defaultReplies.outOfHours[language].replace("{resumes}", () => resumes);
  await systemMessage(deps, tx, conversation, reply, now);
  if (opening.resumesAt) await scheduleLineOpening(deps.jobs, tx, lineKey, opening.resumesAt);
}
function resumesText(at, timeZone, language) {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ru-RU", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timeZone ?? "UTC"
  }).format(at);
}
async function setRoute(deps, tx, conversation, lineKey, handler, priority, now, queuedAt) {
  const [row] = await deps.db.query(
    `update conversation set line_key = ?, handler = ?, priority = ?, queued_at = ?, assigned_at = null,
       skip_operator_id = null, preferred_operator_id = null,
       last_operator_id = coalesce(operator_id, last_operator_id), operator_id = null
      where id = ? returning *`,
    [lineKey, handler, priority, handler === "queue" ? queuedAt : null, conversation.id],
    tx
  );
  if (lineKey)
    audit(tx, null, {
      action: "update",
      targetType: "conversation",
      targetId: conversation.id,
      after: { lineKey, handler, routed: true },
      at: now
    });
  return conversationView(row);
}
async function refuse(deps, tx, conversation, lineKey, line, language, now) {
  const text2 = line.queueFullReply ? inLanguage(line.queueFullReply, language) : defaultReplies.queueFull[language];
  await systemMessage(deps, tx, conversation, text2, now);
  const [row] = await deps.db.query(
    `update conversation set line_key = ?, status = 'closed', closed_at = ?, last_closed_at = ?, queued_at = null,
       operator_id = null
      where id = ? returning *`,
    [lineKey, now, now, conversation.id],
    tx
  );
  audit(tx, null, {
    action: "update",
    targetType: "conversation",
    targetId: conversation.id,
    after: { lineKey, status: "closed", reason: "queue_full" },
    at: now
  });
  return conversationView(row);
}

// server/src/modules/distribution/assign-pass.ts
import { lineOpenAt as lineOpenAt2 } from "@opora/runtime/lines";

// server/src/modules/distribution/offer-timeout-job.ts
var offerTimeoutJobName = "distribution.offer-timeout";
async function scheduleOfferTimeout(jobs, tx, payload, at) {
  await jobs.enqueue(
    offerTimeoutJobName,
    payload,
    { runAt: at, idempotencyKey: `${offerTimeoutJobName}:${payload.conversationId}:${payload.attempt}` },
    tx
  );
}

// server/src/modules/distribution/assign-batch.ts
async function assignBatch(deps, tx, choices, now) {
  if (!choices.length) return;
  const { db } = deps;
  const rows = await db.query(
    `update conversation c set handler = 'operator', operator_id = v.op, assigned_at = ?,
       offer_attempt = c.offer_attempt + 1, skip_operator_id = null, preferred_operator_id = null
      from (select (j->>'id')::uuid as id, (j->>'op')::uuid as op from jsonb_array_elements(?::jsonb) j) v
     where c.id = v.id returning c.*`,
    [now, JSON.stringify(choices.map((c) => ({ id: c.conversationId, op: c.operatorId })))],
    tx
  );
  const operators = [...new Set(choices.map((c) => c.operatorId))];
  await db.query(
    "update operator_profile set last_assigned_at = ? where user_id = any(?::uuid[])",
    [now, toPgArray(operators)],
    tx
  );
  const byId = new Map(choices.map((c) => [c.conversationId, c]));
  const timers = [];
  const pushes = [];
  for (const row of rows) {
    const conversation = conversationView(row);
    const choice = byId.get(conversation.id);
    const attempt = Number(row.offer_attempt);
    audit(tx, null, {
      action: "update",
      targetType: "conversation",
      targetId: conversation.id,
      before: { operatorId: null },
      after: { operatorId: choice.operatorId, assigned: choice.reason, attempt },
      at: now
    });
    timers.push({
      payload: { conversationId: conversation.id, attempt },
      idempotencyKey: `${offerTimeoutJobName}:${conversation.id}:${attempt}`,
      runAt: new Date(now.getTime() + choice.line.offerTimeoutSeconds * 1e3)
    });
    const message2 = { type: "conversation", conversation };
    const to = [
      liveAddress.contactCentre,
      liveAddress.conversation(conversation.id),
      liveAddress.user(choice.operatorId)
    ];
    if (conversation.lineKey) to.push(liveAddress.line(conversation.lineKey));
    pushes.push({ to, message: message2 });
  }
  await deps.jobs.enqueueMany(offerTimeoutJobName, timers, {}, tx);
  await deps.hub.sendMany(tx, pushes);
}

// server/src/modules/distribution/operator-loads.ts
var loadRow = (row) => ({
  id: String(row.user_id),
  status: row.status,
  capacity: row.capacity == null ? null : Number(row.capacity),
  groups: fromPgArray(row.groups),
  skills: fromPgArray(row.skills),
  load: Number(row.load),
  idleSince: new Date(row.idle_since).getTime()
});
var loadsSql = `select p.user_id, p.status, p.capacity, p.groups, p.skills,
    coalesce(p.last_assigned_at, p.status_since) as idle_since,
    (select count(*) from conversation c
      where c.operator_id = p.user_id and c.status = 'open' and c.handler = 'operator') as load
   from operator_profile p join app_user u on u.id = p.user_id and u.active`;
async function onlineOperators(db, tx) {
  const rows = await db.query(`${loadsSql} where p.status = 'online'`, [], tx);
  return rows.map(loadRow);
}
async function operatorLoad(db, tx, userId) {
  const [row] = await db.query(`${loadsSql} where p.user_id = ?`, [userId], tx);
  return row ? loadRow(row) : null;
}

// server/src/modules/distribution/serving.ts
function serves(profile, line) {
  const inGroup = line.groups.length === 0 || line.groups.some((group) => profile.groups.includes(group));
  return inGroup && line.skills.every((skill) => profile.skills.includes(skill));
}
function capacityFor(profile, line) {
  return profile.capacity ?? line?.capacity ?? 4;
}

// server/src/modules/distribution/assign-pass.ts
var batch = 100;
function assignPass(deps) {
  return deps.db.transaction((tx) => assignWithin(deps, tx));
}
async function assignWithin(deps, tx) {
  await lockDistribution(deps.db, tx);
  const now = dateOf(deps.clock);
  const operators = await onlineOperators(deps.db, tx);
  if (!operators.length) return "done";
  const lines = (await deps.lines.all(tx)).filter(
    (line) => !line.body.botOnly && lineOpenAt2(line.body.hours, now).open
  );
  const waiting = await heads(deps, tx, lines, operators);
  const choices = [];
  for (const dialog of waiting) {
    if (choices.length >= batch) break;
    const line = lines.find((l) => l.key === dialog.line_key);
    const operator = choose(operators, line, dialog);
    if (!operator) continue;
    choices.push({
      conversationId: dialog.id,
      operatorId: operator.id,
      line: line.body,
      reason: dialog.preferred_operator_id === operator.id ? "reopened" : "distributed"
    });
    operator.load += 1;
    operator.idleSince = now.getTime();
  }
  await assignBatch(deps, tx, choices, now);
  return choices.length >= batch ? "more" : "done";
}
var hasRoom = (operator, line) => operator.load < capacityFor(operator, line.body);
async function heads(deps, tx, lines, operators) {
  const all = [];
  for (const line of lines) {
    const room = operators.filter((o) => serves(o, line.body)).reduce((n, o) => n + Math.max(0, capacityFor(o, line.body) - o.load), 0);
    const limit = Math.min(room, batch);
    if (limit <= 0) continue;
    const rows = await deps.db.query(
      `select id, line_key, priority, queued_at, skip_operator_id, preferred_operator_id from conversation
        where line_key = ? and status = 'open' and handler = 'queue' and queued_at is not null
        order by priority desc, queued_at, id limit ? for update skip locked`,
      [line.key, limit],
      tx
    );
    all.push(...rows);
  }
  const at = (w) => new Date(w.queued_at).getTime();
  return all.sort(
    (a, b) => Number(b.priority) - Number(a.priority) || at(a) - at(b) || a.id.localeCompare(b.id)
  );
}
function choose(operators, line, dialog) {
  const preferred = operators.find((o) => o.id === dialog.preferred_operator_id);
  if (preferred && hasRoom(preferred, line)) return preferred;
  const able = operators.filter((o) => serves(o, line.body) && hasRoom(o, line));
  const others = able.filter((o) => o.id !== dialog.skip_operator_id);
  const pool = others.length ? others : able;
  pool.sort((a, b) => a.load - b.load || a.idleSince - b.idleSince || a.id.localeCompare(b.id));
  return pool[0] ?? null;
}

// server/src/modules/distribution/dispatcher.ts
var Dispatcher = class {
  constructor(pass, log) {
    this.pass = pass;
    this.log = log;
  }
  pass;
  log;
  running = null;
  again = false;
  stopped = false;
  unlisten = null;
  /** Listens, and runs a first pass for whatever waited while no process was up (a restart loses nothing). */
  async start(db) {
    this.unlisten = await db.listen(distributionChannel, () => this.wake());
    this.wake();
  }
  async stop() {
    this.stopped = true;
    await this.unlisten?.();
    await this.running;
  }
  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }
  /** Runs a pass now and waits until no pass is running (tests and the benchmark settle on it). */
  async drain() {
    this.wake();
    while (this.running) await this.running;
  }
  async loop() {
    do {
      this.again = false;
      try {
        while (!this.stopped && await this.pass() === "more") ;
      } catch (err) {
        this.log.error({ err }, "distribution pass failed");
      }
    } while (this.again && !this.stopped);
  }
};

// server/src/modules/distribution/offer-expired.ts
async function offerExpired(deps, tx, payload) {
  const { db } = deps;
  await lockDistribution(db, tx);
  const [row] = await db.query(
    "select * from conversation where id = ? for update",
    [payload.conversationId],
    tx
  );
  if (row?.status !== "open" || row.handler !== "operator") return false;
  if (Number(row.offer_attempt) !== payload.attempt || !row.operator_id) return false;
  const answered = await db.query(
    `select 1 from message where conversation_id = ? and direction = 'out' and author_user_id = ?
       and created_at >= ? limit 1`,
    [payload.conversationId, row.operator_id, row.assigned_at],
    tx
  );
  if (answered.length) return false;
  const now = dateOf(deps.clock);
  const [back] = await db.query(
    `update conversation set handler = 'queue', operator_id = null, last_operator_id = operator_id,
       skip_operator_id = operator_id, assigned_at = null, queued_at = coalesce(queued_at, ?)
      where id = ? returning *`,
    [now, payload.conversationId],
    tx
  );
  const conversation = conversationView(back);
  audit(tx, null, {
    action: "update",
    targetType: "conversation",
    targetId: conversation.id,
    before: { operatorId: row.operator_id },
    after: { operatorId: null, returned: "offer_timeout", attempt: payload.attempt },
    at: now
  });
  await pushAssignment(deps.hub, tx, conversation, [String(row.operator_id)]);
  await requestDistribution(db, tx);
  return true;
}
var offerTimeoutJob = (deps) => async (payload, ctx) => {
  await offerExpired(deps, ctx.em, payload);
};

// server/src/modules/distribution/operator-routes.ts
import { Type as Type27 } from "@sinclair/typebox";

// server/src/modules/distribution/assign-dialog.ts
async function assignDialog(deps, tx, input) {
  const { db } = deps;
  const { conversationId, operatorId, now } = input;
  const [row] = await db.query(
    `update conversation set handler = 'operator', operator_id = ?, assigned_at = ?,
       offer_attempt = offer_attempt + 1, skip_operator_id = null, preferred_operator_id = null
      where id = ? returning *`,
    [operatorId, now, conversationId],
    tx
  );
  await db.query("update operator_profile set last_assigned_at = ? where user_id = ?", [now, operatorId], tx);
  const conversation = conversationView(row);
  audit(tx, input.actor, {
    action: "update",
    targetType: "conversation",
    targetId: conversationId,
    before: { operatorId: input.from ?? null },
    after: { operatorId, assigned: input.reason, attempt: Number(row.offer_attempt) },
    at: now
  });
  if (input.offered && input.line)
    await scheduleOfferTimeout(
      deps.jobs,
      tx,
      { conversationId, attempt: Number(row.offer_attempt) },
      new Date(now.getTime() + input.line.offerTimeoutSeconds * 1e3)
    );
  await pushAssignment(deps.hub, tx, conversation, [operatorId, input.from ?? null]);
  return conversation;
}

// server/src/modules/distribution/distribution-errors.ts
var refuse2 = {
  taken: (name, operatorId) => new AppError(409, "dialog_taken", "dialog_taken", { name }, [
    { pointer: "/operatorId", message: operatorId }
  ]),
  closed: () => new AppError(409, "dialog_closed", "dialog_closed"),
  notHeld: () => new AppError(409, "dialog_not_held", "dialog_not_held"),
  heldByOther: () => new AppError(403, "forbidden", "dialog_held_by_other"),
  offline: (name) => new AppError(409, "operator_offline", "operator_offline", { name }),
  notServing: (name, line) => new AppError(409, "operator_not_serving", "operator_not_serving", { name, line }),
  full: (name, load, capacity) => new AppError(409, "operator_full", "operator_full", { name, load, capacity }),
  ownFull: (load, capacity) => new AppError(409, "operator_full", "operator_full_self", { load, capacity }),
  notOperator: (name) => new AppError(409, "not_an_operator", "not_an_operator", { name })
};

// server/src/modules/distribution/dialog-actions.ts
var staffRoles = ["operator", "supervisor", "admin"];
var overseer2 = (actor) => actor.roles.some((role) => role === "supervisor" || role === "admin");
async function lockedDialog(db, tx, id) {
  await lockDistribution(db, tx);
  const [row] = await db.query(
    "select * from conversation where id = ? for update",
    [id],
    tx
  );
  if (!row) throw fail.notFound("conversation");
  const conversation = conversationView(row);
  if (conversation.status === "closed") throw refuse2.closed();
  return conversation;
}
async function userName(db, tx, id) {
  const [row] = await db.query(
    "select name, roles, active from app_user where id = ?",
    [id],
    tx
  );
  return row ?? null;
}
var lineTitle = (line, key2) => line?.body.title.ru ?? key2 ?? "";
function takeDialog(deps, conversationId, actor) {
  return deps.db.transaction((tx) => takeDialogWithin(deps, tx, conversationId, actor));
}
async function takeDialogWithin(deps, tx, conversationId, actor) {
  const { db } = deps;
  const dialog = await lockedDialog(db, tx, conversationId);
  if (dialog.handler === "operator" && dialog.operatorId === actor.id) return dialog;
  if (dialog.handler === "operator" && dialog.operatorId) {
    const holder = await userName(db, tx, dialog.operatorId);
    throw refuse2.taken(holder?.name ?? "\u2014", dialog.operatorId);
  }
  const line = dialog.lineKey ? await deps.lines.get(dialog.lineKey, tx) : null;
  await assertOwnRoom(deps, tx, actor.id, line);
  return assignDialog(deps, tx, {
    conversationId,
    operatorId: actor.id,
    line: line?.body ?? null,
    now: dateOf(deps.clock),
    offered: false,
    actor,
    reason: "taken"
  });
}
async function assertOwnRoom(deps, tx, operatorId, line) {
  const load = await operatorLoad(deps.db, tx, operatorId);
  const capacity = capacityFor(load ?? noProfile, line?.body ?? null);
  const leads = load?.load ?? 0;
  if (leads >= capacity) throw refuse2.ownFull(leads, capacity);
}
var noProfile = { groups: [], skills: [], capacity: null };
function assertMayPassOn(dialog, actor) {
  if (overseer2(actor)) return;
  if (dialog.handler === "operator" && dialog.operatorId !== actor.id) throw refuse2.heldByOther();
}
function transferDialog(deps, conversationId, target, actor, options4 = {}) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const dialog = await lockedDialog(db, tx, conversationId);
    assertMayPassOn(dialog, actor);
    const now = dateOf(deps.clock);
    const from = dialog.handler === "operator" ? dialog.operatorId : null;
    let result;
    if ("operatorId" in target) {
      const line = dialog.lineKey ? await deps.lines.get(dialog.lineKey, tx) : null;
      await assertCanReceive(deps, tx, target.operatorId, line, dialog.lineKey, {
        overCapacity: options4.overCapacity === true && overseer2(actor)
      });
      result = await assignDialog(deps, tx, {
        conversationId,
        operatorId: target.operatorId,
        line: line?.body ?? null,
        now,
        offered: true,
        actor,
        reason: "transferred",
        from
      });
    } else {
      const line = await deps.lines.get(target.lineKey, tx);
      if (!line) throw fail.notFound(`line \xAB${target.lineKey}\xBB`);
      const [row] = await db.query(
        `update conversation set line_key = ?, priority = ?, handler = 'queue', operator_id = null,
           last_operator_id = coalesce(operator_id, last_operator_id), assigned_at = null, skip_operator_id = null,
           queued_at = coalesce(queued_at, ?)
          where id = ? returning *`,
        [line.key, line.body.priority, now, conversationId],
        tx
      );
      result = conversationView(row);
      audit(tx, actor, {
        action: "update",
        targetType: "conversation",
        targetId: conversationId,
        before: { lineKey: dialog.lineKey, operatorId: from },
        after: { lineKey: line.key, operatorId: null, transferred: true },
        at: now
      });
      await pushAssignment(deps.hub, tx, result, [from], [dialog.lineKey, line.key]);
    }
    const note = target.note?.trim();
    if (note)
      await systemMessage(deps, tx, result, note, now, { internal: true, authorKind: "operator", actor });
    await requestDistribution(db, tx);
    return result;
  });
}
async function assertCanReceive(deps, tx, operatorId, line, lineKey, options4) {
  const user = await userName(deps.db, tx, operatorId);
  if (!user?.active) throw fail.notFound("operator");
  const roles = fromPgArray(user.roles);
  if (!roles.some((role) => staffRoles.includes(role))) throw refuse2.notOperator(user.name);
  const load = await operatorLoad(deps.db, tx, operatorId);
  if (load?.status !== "online") throw refuse2.offline(user.name);
  if (line && !serves(load, line.body)) throw refuse2.notServing(user.name, lineTitle(line, lineKey));
  const capacity = capacityFor(load, line?.body ?? null);
  if (load.load >= capacity && !options4.overCapacity) throw refuse2.full(user.name, load.load, capacity);
}
function returnToQueue(deps, conversationId, actor) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const dialog = await lockedDialog(db, tx, conversationId);
    if (dialog.handler !== "operator" || !dialog.operatorId) throw refuse2.notHeld();
    assertMayPassOn(dialog, actor);
    const now = dateOf(deps.clock);
    const [row] = await db.query(
      `update conversation set handler = 'queue', operator_id = null, last_operator_id = operator_id,
         skip_operator_id = operator_id, assigned_at = null, queued_at = coalesce(queued_at, ?)
        where id = ? returning *`,
      [now, conversationId],
      tx
    );
    const result = conversationView(row);
    audit(tx, actor, {
      action: "update",
      targetType: "conversation",
      targetId: conversationId,
      before: { operatorId: dialog.operatorId },
      after: { operatorId: null, returned: "by_operator" },
      at: now
    });
    await pushAssignment(deps.hub, tx, result, [dialog.operatorId]);
    await requestDistribution(db, tx);
    return result;
  });
}

// server/src/modules/distribution/distribution-schemas.ts
import { definitionKeyPattern as definitionKeyPattern2 } from "@opora/runtime/definitions";
import { Type as Type26 } from "@sinclair/typebox";
var Nullable4 = (t) => Type26.Union([t, Type26.Null()]);
var Status2 = Type26.Union([Type26.Literal("online"), Type26.Literal("away"), Type26.Literal("offline")]);
var Name2 = Type26.String({ minLength: 1, maxLength: 100 });
var DefinitionKey = Type26.String({ pattern: definitionKeyPattern2 });
var OperatorProfileSchema = Type26.Object({
  userId: Uuid,
  status: Status2,
  statusSince: Type26.String({ format: "date-time" }),
  capacity: Type26.Union([Type26.Integer(), Type26.Null()]),
  groups: Type26.Array(Type26.String()),
  skills: Type26.Array(Type26.String()),
  lastAssignedAt: Nullable4(Type26.String({ format: "date-time" }))
});
var QueueCountsSchema = Type26.Object({ mine: Type26.Integer(), team: Type26.Integer() });
var MeSchema = Type26.Object({ profile: OperatorProfileSchema, counts: QueueCountsSchema });
var StatusInputSchema = Type26.Object(
  {
    status: Status2,
    /** Sent by the screen on idleness or activity: never overrides a status chosen by hand. */
    auto: Type26.Optional(Type26.Boolean())
  },
  { additionalProperties: false }
);
var ProfileInputSchema = Type26.Object(
  {
    capacity: Type26.Optional(Type26.Union([Type26.Integer({ minimum: 1, maximum: 6 }), Type26.Null()])),
    groups: Type26.Optional(Type26.Array(Name2, { maxItems: 50, uniqueItems: true })),
    skills: Type26.Optional(Type26.Array(Name2, { maxItems: 50, uniqueItems: true }))
  },
  { additionalProperties: false }
);
var Note = Type26.String({ maxLength: 2e3 });
var TransferInputSchema = Type26.Union([
  Type26.Object({ operatorId: Uuid, note: Type26.Optional(Note) }, { additionalProperties: false }),
  Type26.Object({ lineKey: DefinitionKey, note: Type26.Optional(Note) }, { additionalProperties: false })
]);
var StaffMemberSchema = Type26.Object({
  id: Uuid,
  name: Type26.String(),
  status: Status2,
  load: Type26.Integer(),
  capacity: Type26.Union([Type26.Integer(), Type26.Null()]),
  groups: Type26.Array(Type26.String()),
  skills: Type26.Array(Type26.String())
});
var LineSummarySchema = Type26.Object({
  key: Type26.String(),
  title: Type26.Object({ ru: Type26.String(), en: Type26.Optional(Type26.String()) })
});
var ScopeParams = Type26.Object(
  { scope: Type26.Union([Type26.Literal("mine"), Type26.Literal("team")]) },
  { additionalProperties: false }
);

// server/src/modules/distribution/operator-profile.ts
var profileView = (row) => ({
  userId: String(row.user_id),
  status: row.status,
  statusSince: new Date(row.status_since).toISOString(),
  capacity: row.capacity == null ? null : Number(row.capacity),
  groups: fromPgArray(row.groups),
  skills: fromPgArray(row.skills),
  lastAssignedAt: row.last_assigned_at == null ? null : new Date(row.last_assigned_at).toISOString()
});
async function ensureProfile(db, userId, now, em) {
  await db.query(
    `insert into operator_profile (user_id, status_since, updated_at) values (?, ?, ?) on conflict do nothing`,
    [userId, now, now],
    em
  );
  const [row] = await db.query(
    "select * from operator_profile where user_id = ?",
    [userId],
    em
  );
  return profileView(row);
}

// server/src/modules/distribution/operator-status.ts
async function setOperatorStatus(deps, userId, status, auto) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const now = dateOf(deps.clock);
    const before = await ensureProfile(db, userId, now, tx);
    const [row] = await db.query(
      `update operator_profile set status = ?, status_auto = ?, status_since = ?, updated_at = ?
        where user_id = ? and status <> ?
          and (not ? or (? = 'away' and status = 'online') or (? = 'online' and status = 'away' and status_auto))
        returning *`,
      [status, auto, now, now, userId, status, auto, status, status],
      tx
    );
    if (!row) return before;
    if (status === "online") await requestDistribution(db, tx);
    await signalBoard(deps.hub, tx);
    return profileView(row);
  });
}
async function updateOperatorProfile(deps, userId, change, actor) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const now = dateOf(deps.clock);
    const [user] = await db.query("select 1 from app_user where id = ?", [userId], tx);
    if (!user) throw fail.notFound("user");
    const before = await ensureProfile(db, userId, now, tx);
    const [row] = await db.query(
      `update operator_profile set capacity = ?, groups = ?::text[], skills = ?::text[], updated_at = ?
        where user_id = ? returning *`,
      [
        change.capacity === void 0 ? before.capacity : change.capacity,
        toPgArray(change.groups ?? before.groups),
        toPgArray(change.skills ?? before.skills),
        now,
        userId
      ],
      tx
    );
    const after = profileView(row);
    audit(tx, actor, {
      action: "update",
      targetType: "user",
      targetId: userId,
      before: { capacity: before.capacity, groups: before.groups, skills: before.skills },
      after: { capacity: after.capacity, groups: after.groups, skills: after.skills },
      at: now
    });
    await signalBoard(deps.hub, tx);
    await requestDistribution(db, tx);
    return after;
  });
}

// server/src/modules/distribution/served-lines.ts
async function servedLineKeys(deps, actor, now, em) {
  const lines = await deps.lines.all(em);
  if (actor.roles.some((role) => role === "supervisor" || role === "admin")) return lines.map((l) => l.key);
  const profile = await ensureProfile(deps.db, actor.id, now, em);
  return lines.filter((line) => !line.body.botOnly && serves(profile, line.body)).map((line) => line.key);
}
async function queueCounts(db, userId, lineKeys) {
  const [row] = await db.query(
    `select
       (select count(*) from conversation where status = 'open' and handler = 'operator' and operator_id = ?) as mine,
       (select count(*) from conversation where status = 'open' and handler = 'queue' and message_count > 0
          and (line_key is null or line_key = any(?::text[]))) as team`,
    [userId, toPgArray(lineKeys)]
  );
  return { mine: Number(row?.mine ?? 0), team: Number(row?.team ?? 0) };
}

// server/src/modules/distribution/staff-list.ts
async function staffList(db) {
  const rows = await db.query(
    `select u.id, u.name, coalesce(p.status, 'offline') as status, p.capacity, p.groups, p.skills,
       (select count(*) from conversation c
         where c.operator_id = u.id and c.status = 'open' and c.handler = 'operator') as load
       from app_user u left join operator_profile p on p.user_id = u.id
      where u.active and u.roles && array['operator', 'supervisor', 'admin']::text[]
      order by case coalesce(p.status, 'offline') when 'online' then 0 when 'away' then 1 else 2 end, u.name
      limit 500`
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    status: row.status,
    load: Number(row.load),
    capacity: row.capacity == null ? null : Number(row.capacity),
    groups: fromPgArray(row.groups),
    skills: fromPgArray(row.skills)
  }));
}

// server/src/modules/distribution/operator-routes.ts
var tags12 = ["distribution"];
var operatorRoutes = async (app, { deps }) => {
  const { db, clock } = deps;
  const config3 = { access: contactCentre };
  const actor = (request) => request.actor;
  app.get(
    "/operators/me",
    {
      config: config3,
      schema: {
        tags: tags12,
        summary: "My operator profile (status, capacity, groups, skills) and the counters of \xAB\u041D\u0430 \u043C\u043D\u0435\xBB and \xAB\u041D\u0430 \u043A\u043E\u043C\u0430\u043D\u0434\u0435\xBB",
        response: { 200: MeSchema, ...errorResponses }
      }
    },
    async (request) => {
      const now = dateOf(clock);
      const profile = await ensureProfile(db, actor(request).id, now);
      const lines = await servedLineKeys(deps, actor(request), now);
      return { profile, counts: await queueCounts(db, actor(request).id, lines) };
    }
  );
  app.put(
    "/operators/me/status",
    {
      config: config3,
      schema: {
        tags: tags12,
        summary: "Set my status: online (gets dialogs), away or offline (keeps the dialogs they lead, gets no new ones)",
        body: StatusInputSchema,
        response: { 200: OperatorProfileSchema, ...errorResponses }
      }
    },
    (request) => setOperatorStatus(deps, actor(request).id, request.body.status, request.body.auto === true)
  );
  app.get(
    "/operators",
    {
      config: config3,
      schema: {
        tags: tags12,
        summary: "Staff who work with dialogs: status, load and capacity (whom a dialog may be passed to)",
        response: { 200: Type27.Object({ items: Type27.Array(StaffMemberSchema) }), ...errorResponses }
      }
    },
    async () => ({ items: await staffList(db) })
  );
  app.put(
    "/operators/:id/profile",
    {
      config: { access: ["admin", "supervisor"] },
      schema: {
        tags: tags12,
        summary: "Set an operator\u2019s capacity (1\u20136, or null for the lines\u2019 own), groups and skills",
        params: IdParams,
        body: ProfileInputSchema,
        response: { 200: OperatorProfileSchema, ...errorResponses }
      }
    },
    (request) => updateOperatorProfile(deps, request.params.id, request.body, actor(request))
  );
  app.get(
    "/operator/lines",
    {
      config: config3,
      schema: {
        tags: tags12,
        summary: "Published lines a dialog may be transferred to",
        response: { 200: Type27.Object({ items: Type27.Array(LineSummarySchema) }), ...errorResponses }
      }
    },
    async () => ({
      items: (await deps.lines.all()).map((line) => ({ key: line.key, title: line.body.title }))
    })
  );
  app.get(
    "/operator/queues/:scope",
    {
      config: config3,
      schema: {
        tags: tags12,
        summary: "\xAB\u041D\u0430 \u043C\u043D\u0435\xBB (open dialogs I lead, most recent first) or \xAB\u041D\u0430 \u043A\u043E\u043C\u0430\u043D\u0434\u0435\xBB (waiting dialogs of my lines, queue order)",
        params: ScopeParams,
        querystring: Type27.Object(
          {
            limit: Type27.Optional(Type27.Integer({ minimum: 1, maximum: 100, default: 30 })),
            offset: Type27.Optional(Type27.Integer({ minimum: 0, maximum: maxOffset, default: 0 }))
          },
          { additionalProperties: false }
        ),
        response: {
          200: Type27.Object({
            items: Type27.Array(ConversationListItemSchema),
            hasMore: Type27.Boolean(),
            limit: Type27.Integer(),
            offset: Type27.Integer()
          }),
          ...errorResponses
        }
      }
    },
    async (request) => {
      const me = actor(request);
      const scope = request.params.scope === "mine" ? { mine: me.id } : { queueOf: await servedLineKeys(deps, me, dateOf(clock)) };
      return listConversations(db, {
        limit: request.query.limit ?? 30,
        offset: request.query.offset ?? 0,
        userId: me.id,
        scope
      });
    }
  );
  app.post(
    "/conversations/:id/take",
    {
      config: config3,
      schema: {
        tags: tags12,
        summary: "Take a waiting dialog; 409 `dialog_taken` names who took it first, 409 `operator_full` when the caller is at capacity",
        params: IdParams,
        response: { 200: ConversationSchema, ...errorResponses }
      }
    },
    (request) => takeDialog(deps, request.params.id, actor(request))
  );
  app.post(
    "/conversations/:id/transfer",
    {
      config: config3,
      schema: {
        tags: tags12,
        summary: "Pass a dialog to an operator (online, serving its line, with room \u2014 else 409) or to another line\u2019s queue, with a note colleagues see",
        params: IdParams,
        body: TransferInputSchema,
        response: { 200: ConversationSchema, ...errorResponses }
      }
    },
    (request) => transferDialog(deps, request.params.id, request.body, actor(request))
  );
  app.post(
    "/conversations/:id/return",
    {
      config: config3,
      schema: {
        tags: tags12,
        summary: "Return a dialog to its line\u2019s queue (it keeps its place and goes to another operator)",
        params: IdParams,
        response: { 200: ConversationSchema, ...errorResponses }
      }
    },
    (request) => returnToQueue(deps, request.params.id, actor(request))
  );
};

// server/src/modules/distribution/presence.ts
import { randomUUID as randomUUID14 } from "node:crypto";
var OperatorPresence = class {
  constructor(deps, timing = {}) {
    this.deps = deps;
    this.timing = { graceMs: 3e4, heartbeatMs: 1e4, expiryMs: 6e4, ...timing };
  }
  deps;
  /** This process's row in `server_process`. */
  processId = randomUUID14();
  timers = /* @__PURE__ */ new Set();
  heartbeat = null;
  /** Sockets open here per operator: rewritten if another process ever took this one for dead. */
  sockets = /* @__PURE__ */ new Map();
  /** Counting writes run one after another, so a socket closed at once is never counted before it opened. */
  chain = Promise.resolve();
  stopped = false;
  timing;
  /** How long after the last socket closes the operator goes offline (tests shorten it). */
  get graceMs() {
    return this.timing.graceMs;
  }
  set graceMs(ms) {
    this.timing.graceMs = ms;
  }
  /** Registers this process and starts its heartbeat, which also clears up after dead processes (at once, too). */
  async start() {
    await this.sweep();
    this.heartbeat = setInterval(() => {
      this.sweep().catch((err) => this.deps.log.warn({ err }, "presence heartbeat failed"));
    }, this.timing.heartbeatMs);
    this.heartbeat.unref();
  }
  connected(userId) {
    const run = async () => {
      if (this.stopped) return;
      const { db } = this.deps;
      const now = dateOf(this.deps.clock);
      await ensureProfile(db, userId, now);
      this.sockets.set(userId, (this.sockets.get(userId) ?? 0) + 1);
      await this.writeSockets(userId).catch(() => this.beat());
      await db.query("update operator_profile set disconnected_at = null where user_id = ?", [userId]);
    };
    this.chain = this.chain.then(run, run);
    return this.chain;
  }
  disconnected(userId) {
    const settle = async () => {
      if (this.stopped) return;
      const left = (this.sockets.get(userId) ?? 1) - 1;
      if (left > 0) this.sockets.set(userId, left);
      else this.sockets.delete(userId);
      await this.writeSockets(userId);
      if (left > 0) return;
      await this.markDisconnected([userId], dateOf(this.deps.clock));
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.putOffline().catch(
          (err) => this.deps.log.warn({ err }, "could not put an operator offline")
        );
      }, this.timing.graceMs);
      timer.unref();
      this.timers.add(timer);
    };
    this.chain = this.chain.catch(() => void 0).then(settle).catch((err) => this.deps.log.warn({ err }, "could not count an operator\u2019s sockets"));
  }
  /**
   * One heartbeat: this process is alive; processes silent past the expiry are dead — their sockets stop counting,
   * and operators left with none are disconnected as of the dead process's last sign of life; then whoever has
   * been disconnected past the grace period goes offline.
   */
  async sweep() {
    if (this.stopped) return;
    await this.beat();
    const { db } = this.deps;
    const now = dateOf(this.deps.clock);
    await db.transaction(async (tx) => {
      const dead = await db.query(
        "select id from server_process where seen_at < ? and id <> ? for update skip locked",
        [new Date(now.getTime() - this.timing.expiryMs), this.processId],
        tx
      );
      if (!dead.length) return;
      const ids2 = toPgArray(dead.map((d) => d.id));
      await db.query(
        `update operator_profile p set disconnected_at = gone.last_seen
           from (select s.user_id, max(sp.seen_at) as last_seen from operator_socket s
                   join server_process sp on sp.id = s.process_id
                  where s.process_id = any(?::uuid[]) group by s.user_id) gone
          where p.user_id = gone.user_id and p.disconnected_at is null
            and not exists (select 1 from operator_socket o
                             where o.user_id = p.user_id and o.process_id <> all(?::uuid[]))`,
        [ids2, ids2],
        tx
      );
      await db.query("delete from server_process where id = any(?::uuid[])", [ids2], tx);
    });
    await this.putOffline();
  }
  /** Stops counting; a clean stop gives up this process's sockets (their operators' grace starts now). */
  async stop() {
    if (this.stopped) return;
    this.halt();
    await this.chain.catch(() => void 0);
    const { db } = this.deps;
    const now = dateOf(this.deps.clock);
    await this.markDisconnected([...this.sockets.keys()], now, true);
    await db.query("delete from server_process where id = ?", [this.processId]);
  }
  /**
   * Stops at once, telling the database nothing: what a crashed process leaves behind (tests play a crash with it;
   * the other processes clear up after it once its heartbeat expires).
   */
  halt() {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
  /** Renews this process's heartbeat; if another process took it for dead meanwhile, registers it and its sockets again. */
  async beat() {
    const { db } = this.deps;
    const now = dateOf(this.deps.clock);
    const renewed = await db.query("update server_process set seen_at = ? where id = ? returning id", [
      now,
      this.processId
    ]);
    if (renewed.length) return;
    await db.query(
      "insert into server_process (id, started_at, seen_at) values (?, ?, ?) on conflict (id) do nothing",
      [this.processId, now, now]
    );
    for (const userId of this.sockets.keys()) await this.writeSockets(userId);
    if (this.sockets.size)
      await db.query("update operator_profile set disconnected_at = null where user_id = any(?::uuid[])", [
        toPgArray([...this.sockets.keys()])
      ]);
  }
  /** Writes this process's socket count of one operator (none: no row). */
  async writeSockets(userId) {
    const n = this.sockets.get(userId) ?? 0;
    const { db } = this.deps;
    if (n === 0) {
      await db.query("delete from operator_socket where user_id = ? and process_id = ?", [
        userId,
        this.processId
      ]);
      return;
    }
    await db.query(
      `insert into operator_socket (user_id, process_id, sockets) values (?, ?, ?)
       on conflict (user_id, process_id) do update set sockets = excluded.sockets`,
      [userId, this.processId, n]
    );
  }
  /**
   * Operators with no socket left on any (other) process are disconnected as of now. `leaving`: this process is
   * going away, so its own sockets no longer count.
   */
  async markDisconnected(userIds, now, leaving = false) {
    if (!userIds.length) return;
    await this.deps.db.query(
      `update operator_profile p set disconnected_at = ?
        where p.user_id = any(?::uuid[]) and p.disconnected_at is null
          and not exists (select 1 from operator_socket o where o.user_id = p.user_id and (not ? or o.process_id <> ?))`,
      [now, toPgArray(userIds), leaving, this.processId]
    );
  }
  /**
   * Whoever has had no socket anywhere for the grace period goes offline — unless they chose a status since
   * (set by hand after their screen closed, the status stands until their next socket closes).
   */
  async putOffline() {
    const now = dateOf(this.deps.clock);
    const { db } = this.deps;
    await db.transaction(async (tx) => {
      const changed = await db.query(
        `update operator_profile p set status = 'offline', status_auto = true, status_since = ?, updated_at = ?
          where p.status <> 'offline' and p.disconnected_at <= ? and p.disconnected_at >= p.status_since
            and not exists (select 1 from operator_socket o where o.user_id = p.user_id)
          returning p.user_id`,
        [now, now, new Date(now.getTime() - this.timing.graceMs)],
        tx
      );
      if (changed.length) await signalBoard(this.deps.hub, tx);
    });
  }
};

// server/src/modules/distribution/published-lines.ts
var PublishedLines = class {
  constructor(db) {
    this.db = db;
  }
  db;
  cached = null;
  async all(em) {
    const [row] = await this.db.query(
      `select count(*) as n, coalesce(sum(latest_version), 0) as versions, max(updated_at) as changed
         from definition where kind = 'line' and status <> 'archived' and latest_version is not null`,
      [],
      em
    );
    const stamp2 = `${row?.n}/${row?.versions}/${row?.changed ? new Date(row.changed).getTime() : 0}`;
    if (this.cached?.stamp === stamp2) return this.cached.lines;
    const rows = await this.db.query(
      `select d.key, v.body
         from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
        where d.kind = 'line' and d.status <> 'archived'
        order by d.key`,
      [],
      em
    );
    const lines = rows.map((r) => ({
      key: r.key,
      body: typeof r.body === "string" ? JSON.parse(r.body) : r.body
    }));
    this.cached = { stamp: stamp2, lines };
    return lines;
  }
  async get(key2, em) {
    return (await this.all(em)).find((line) => line.key === key2) ?? null;
  }
};

// server/src/modules/distribution/unrouted-sweep.ts
var batch2 = 100;
async function routeUnqueuedDialogs(deps) {
  let routed = 0;
  for (; ; ) {
    const n = await deps.db.transaction(async (tx) => {
      const rows = await deps.db.query(
        `select c.*, (select m.text from message m where m.conversation_id = c.id and m.direction = 'in'
                       order by m.seq limit 1) as first_text
           from conversation c
          where c.status = 'open' and c.handler = 'queue' and c.queued_at is null
          order by c.opened_at, c.id limit ? for update of c skip locked`,
        [batch2],
        tx
      );
      for (const row of rows) {
        const conversation = conversationView(row);
        await routeDialogNow(deps, tx, conversation, row.first_text ?? "", new Date(conversation.openedAt));
      }
      return rows.length;
    });
    routed += n;
    if (n < batch2) return routed;
  }
}

// server/src/modules/distribution/index.ts
var distributionModule = fp13(
  async (app) => {
    const { db, clock } = app;
    const lines = new PublishedLines(db);
    const deps = { db, clock, lines, jobs: app.jobQueue, hub: app.liveHub };
    app.conversations.afterDialogOpened = (tx, conversation, message2, queued) => afterDialogOpened(deps, tx, conversation, message2, queued);
    app.conversations.onStatusChanged(async (tx, { before, after }) => {
      if (before.handler !== "operator" || after.status !== "closed") return;
      if (await assignWithin(deps, tx) === "more") await requestDistribution(db, tx);
    });
    const dispatcher = new Dispatcher(() => assignPass(deps), app.log);
    const presence = new OperatorPresence({ db, clock, log: app.log, hub: app.liveHub });
    app.jobWorker.registerHandler(offerTimeoutJobName, offerTimeoutJob(deps));
    app.jobWorker.registerHandler(
      lineOpeningJobName,
      lineOpeningJob((tx) => requestDistribution(db, tx))
    );
    app.decorate("distribution", dispatcher);
    app.decorate("operatorPresence", presence);
    app.decorate("publishedLines", lines);
    app.addHook("onReady", async () => {
      await routeUnqueuedDialogs(deps).catch(
        (err) => app.log.error({ err }, "could not route the dialogs found outside any queue")
      );
      await presence.start();
      await dispatcher.start(db);
    });
    app.addHook("onClose", async () => {
      await presence.stop().catch((err) => app.log.warn({ err }, "could not give up live sockets"));
      await dispatcher.stop();
    });
    await app.register(operatorRoutes, { prefix: apiPrefix, deps });
  },
  { name: "distribution", dependencies: ["conversations"] }
);

// server/src/modules/entities/index.ts
import fp14 from "fastify-plugin";

// server/src/modules/entities/entity-publishing.ts
import {
  breakingChangeMessage,
  breakingChanges,
  migrateDefinitionBody as migrateDefinitionBody4
} from "@opora/runtime/definitions";

// server/src/modules/entities/data-questions.ts
import { fieldValueFits, isEmptyValue } from "@opora/runtime/definitions";
var sampleSize = 3;
var batchSize = 500;
var live = "entity = ? and deleted_at is null";
var filled = `coalesce(data->>?, '') <> ''`;
async function answerQuestion(db, tx, entity, question) {
  const key2 = question.field;
  switch (question.ask) {
    case "filled":
      return counted(db, tx, `${live} and ${filled} and data->? <> '[]'::jsonb`, [entity, key2, key2]);
    case "empty":
      return counted(db, tx, `${live} and coalesce(data->>?, '') = ''`, [entity, key2]);
    case "oneOf":
      if (!question.values.length) return { count: 0, samples: [] };
      return counted(db, tx, `${live} and data->>? in (${question.values.map(() => "?").join(", ")})`, [
        entity,
        key2,
        ...question.values
      ]);
    case "duplicates":
      return duplicates(db, tx, entity, key2);
    case "misfit":
      return misfits(db, tx, entity, key2, (value) => fieldValueFits(question.check, value));
  }
}
async function counted(db, tx, where, params) {
  const rows = await db.query(
    `select number, count(*) over () as total from record where ${where} order by number limit ${sampleSize}`,
    params,
    tx
  );
  return { count: Number(rows[0]?.total ?? 0), samples: rows.map((r) => Number(r.number)) };
}
async function duplicates(db, tx, entity, key2) {
  const rows = await db.query(
    `select number, count(*) over () as total from (
       select number, count(*) over (partition by data->?) as same from record where ${live} and ${filled}
     ) t where same > 1 order by number limit ${sampleSize}`,
    [key2, entity, key2],
    tx
  );
  return { count: Number(rows[0]?.total ?? 0), samples: rows.map((r) => Number(r.number)) };
}
async function misfits(db, tx, entity, key2, fits) {
  const answer = { count: 0, samples: [] };
  for await (const batch3 of recordBatches(db, tx, entity, `${filled}`, [key2])) {
    for (const row of batch3) {
      const value = JSON.parse(row.data)[key2];
      if (isEmptyValue(value) || fits(value)) continue;
      answer.count++;
      if (answer.samples.length < sampleSize) answer.samples.push(row.number);
    }
  }
  answer.samples.sort((a, b) => a - b);
  return answer;
}
async function* recordBatches(db, tx, entity, where, params, options4 = {}) {
  let after = "00000000-0000-0000-0000-000000000000";
  for (; ; ) {
    const rows = await db.query(
      `select id, number, data::text as data from record
       where ${live} and id > ?::uuid${where ? ` and (${where})` : ""}
       order by id limit ${batchSize}${options4.lock ? " for update" : ""}`,
      [entity, after, ...params],
      tx
    );
    if (!rows.length) return;
    yield rows.map((r) => ({ id: r.id, number: Number(r.number), data: r.data }));
    if (rows.length < batchSize) return;
    after = rows.at(-1).id;
  }
}

// server/src/modules/entities/record-migration.ts
import {
  compileRecordValidator,
  conversionFailedMessage,
  duplicatesAfterMigrationMessage,
  invalidAfterMigrationMessage,
  migrateRecord,
  planMigration,
  recordTitle,
  searchableText
} from "@opora/runtime/definitions";
async function migrateRecords(db, tx, target) {
  const plan = planMigration(target.prev, target.next);
  if (!plan.steps.length) return [];
  const validate = compileRecordValidator(target.next, target.locale);
  const failures = /* @__PURE__ */ new Map();
  const invalid = /* @__PURE__ */ new Map();
  const tally = (map, key2, sample) => {
    const found = map.get(key2);
    if (found) found.count++;
    else map.set(key2, { count: 1, sample });
  };
  const { where, params } = concerned(plan);
  for await (const batch3 of recordBatches(db, tx, target.entity, where, params, { lock: true })) {
    const rewrites = [];
    for (const row of batch3) {
      const before = JSON.parse(row.data);
      const migrated = migrateRecord(plan, before);
      for (const failure of migrated.failures)
        tally(failures, failure.field, { number: row.number, value: failure.value });
      if (migrated.failures.length || !migrated.changed) continue;
      const problems = validate(migrated.data);
      for (const problem of problems)
        tally(invalid, problem.pointer.split("/")[1] ?? "", { number: row.number, message: problem.message });
      if (!problems.length) rewrites.push({ id: row.id, before, after: migrated.data });
    }
    if (!failures.size && !invalid.size) await rewrite(db, tx, target, rewrites);
  }
  const details = [];
  for (const [key2, { count: count2, sample }] of failures) {
    const to = target.next.fields.find((f) => f.key === key2);
    details.push({
      pointer: pointerFor(plan, target.next, key2),
      code: "migration-conversion",
      message: conversionFailedMessage(labelOf(target, key2), to.type, count2, sample, target.locale)
    });
  }
  for (const [key2, { count: count2, sample }] of invalid)
    details.push({
      pointer: pointerFor(plan, target.next, key2),
      code: "migration-invalid",
      message: invalidAfterMigrationMessage(labelOf(target, key2), count2, sample, target.locale)
    });
  if (details.length) return details;
  return uniqueRepeats(db, tx, target, plan);
}
function concerned(plan) {
  if (plan.everyRecord) return { where: null, params: [] };
  return {
    where: plan.steps.map(() => "data->? is not null").join(" or "),
    params: plan.steps.map((s) => s.field)
  };
}
async function rewrite(db, tx, target, rewrites) {
  if (!rewrites.length) return;
  const { next, entity, version } = target;
  await db.query(
    `update record as r set data = v.data::jsonb, title = v.title, search_text = v.search_text,
       entity_version = ?, version = r.version + 1, updated_at = now()
     from (values ${rewrites.map(() => "(?::uuid, ?::text, ?::text, ?::text)").join(", ")})
       as v(id, data, title, search_text)
     where r.id = v.id`,
    [
      version,
      ...rewrites.flatMap((r) => [
        r.id,
        JSON.stringify(r.after),
        recordTitle(next, r.after),
        searchableText(next, r.after)
      ])
    ],
    tx
  );
  await db.query(
    `insert into audit_log (action, target_type, target_id, entity, before, after)
     values ${rewrites.map(() => `('update', 'record', ?, ?, ?::jsonb, ?::jsonb)`).join(", ")}`,
    rewrites.flatMap((r) => [r.id, entity, JSON.stringify(r.before), JSON.stringify(r.after)]),
    tx
  );
}
async function uniqueRepeats(db, tx, target, plan) {
  const details = [];
  for (const step of plan.steps) {
    const field = target.next.fields.find((f) => f.key === step.field);
    if (!field?.unique || step.remove) continue;
    const { count: count2, samples } = await duplicates(db, tx, target.entity, field.key);
    if (count2)
      details.push({
        pointer: pointerFor(plan, target.next, field.key),
        code: "migration-unique",
        message: duplicatesAfterMigrationMessage(labelOf(target, field.key), count2, samples, target.locale)
      });
  }
  return details;
}
function pointerFor(plan, next, key2) {
  const rule = plan.steps.find((s) => s.field === key2)?.rule;
  if (rule !== null && rule !== void 0) return `/migrate/${rule}`;
  const index = next.fields.findIndex((f) => f.key === key2);
  return index >= 0 ? `/fields/${index}` : "/fields";
}
function labelOf(target, key2) {
  const field = target.next.fields.find((f) => f.key === key2) ?? target.prev.fields.find((f) => f.key === key2);
  if (!field) return key2;
  return target.locale === "en" ? field.label.en ?? field.label.ru : field.label.ru;
}

// server/src/modules/entities/entity-publishing.ts
function entityPublishing(db) {
  return {
    async check(body, locale, tx, target) {
      if (target.latestVersion === null) return [];
      const prev = await versionBody(db, tx, target.definitionId, target.latestVersion);
      const answers = /* @__PURE__ */ new Map();
      const details = [];
      for (const change of breakingChanges(prev, body)) {
        if (change.covered) continue;
        const id = JSON.stringify(change.question);
        let answer = answers.get(id);
        if (!answer) {
          answer = await answerQuestion(db, tx, target.key, change.question);
          answers.set(id, answer);
        }
        if (answer.count)
          details.push({
            pointer: change.pointer,
            code: change.code,
            message: breakingChangeMessage(change, answer.count, answer.samples, locale)
          });
      }
      return details;
    },
    async published(tx, { definitionId, key: key2, version, body, locale }) {
      if (version === 1) return;
      const details = await migrateRecords(db, tx, {
        entity: key2,
        prev: await versionBody(db, tx, definitionId, version - 1),
        next: body,
        version,
        locale
      });
      if (details.length)
        throw fail.definitionInvalid(details.map((d) => ({ ...d, pointer: `/body${d.pointer}` })));
    }
  };
}
async function versionBody(db, tx, definitionId, version) {
  const [row] = await db.query(
    "select body::text as body from definition_version where definition_id = ? and version = ?",
    [definitionId, version],
    tx
  );
  if (!row) throw new Error(`definition ${definitionId} has no version ${version}`);
  return migrateDefinitionBody4("entity", JSON.parse(row.body));
}

// server/src/modules/entities/index.ts
var entitiesModule = fp14(
  async (app) => {
    app.definitions.extend("entity", entityPublishing(app.db));
  },
  { name: "entities", dependencies: ["definitions"] }
);

// server/src/modules/escalation/index.ts
import fp15 from "fastify-plugin";

// server/src/modules/escalation/escalation-routes.ts
import { Type as Type28 } from "@sinclair/typebox";

// server/src/modules/escalation/escalate.ts
import { randomUUID as randomUUID15 } from "node:crypto";

// server/src/modules/escalation/escalation-texts.ts
function escalatedNotice(locale, number) {
  return locale === "en" ? `Your request No. ${number} has been passed to a specialist. We will write as soon as there is news; you can follow it under \xABMy requests\xBB in your personal account.` : `\u0412\u0430\u0448\u0435 \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u0435 \u2116 ${number} \u043F\u0435\u0440\u0435\u0434\u0430\u043D\u043E \u0441\u043F\u0435\u0446\u0438\u0430\u043B\u0438\u0441\u0442\u0443. \u041C\u044B \u043D\u0430\u043F\u0438\u0448\u0435\u043C, \u043A\u0430\u043A \u0442\u043E\u043B\u044C\u043A\u043E \u043F\u043E\u044F\u0432\u044F\u0442\u0441\u044F \u043D\u043E\u0432\u043E\u0441\u0442\u0438; \u0441\u043B\u0435\u0434\u0438\u0442\u044C \u0437\u0430 \u043D\u0438\u043C \u043C\u043E\u0436\u043D\u043E \u0432 \u043B\u0438\u0447\u043D\u043E\u043C \u043A\u0430\u0431\u0438\u043D\u0435\u0442\u0435, \u0432 \u0440\u0430\u0437\u0434\u0435\u043B\u0435 \xAB\u041C\u043E\u0438 \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044F\xBB.`;
}
var fallbackSubject = (locale, channel) => locale === "en" ? `Conversation (${channel})` : `\u0414\u0438\u0430\u043B\u043E\u0433 (${channel})`;

// server/src/modules/escalation/request-fields.ts
function requestFields(account, body) {
  const fields = body.fields;
  const title = fields.find((f) => f.key === body.titleField && f.type === "string");
  const subject = title ?? fields.find((f) => f.type === "string");
  const description = fields.find((f) => f.type === "text");
  const files = fields.find((f) => f.type === "file");
  const client = fields.find((f) => f.key === account.requestClient && f.type === "relation");
  return {
    entity: account.requests,
    ...subject?.type === "string" ? { subject: { key: subject.key, maxLength: subject.maxLength } } : {},
    ...description?.type === "text" ? { description: { key: description.key, maxLength: description.maxLength } } : {},
    ...files?.type === "file" ? { files: { key: files.key, multiple: files.multiple === true } } : {},
    ...client?.type === "relation" ? { client: { key: client.key, many: client.many === true } } : {}
  };
}
var fit = (value, maxLength) => maxLength ? value.slice(0, maxLength) : value;

// server/src/modules/escalation/transcript.ts
var transcriptLimits = { messages: 2e3, chars: 2e5, attachments: 50 };
var authors = {
  ru: { client: "\u041A\u043B\u0438\u0435\u043D\u0442", operator: "\u041E\u043F\u0435\u0440\u0430\u0442\u043E\u0440", bot: "\u0411\u043E\u0442", system: "\u0421\u0438\u0441\u0442\u0435\u043C\u0430" },
  en: { client: "Client", operator: "Operator", bot: "Bot", system: "System" }
};
var stamp = (value) => new Date(value).toISOString().slice(0, 16).replace("T", " ");
async function transcriptOf(db, conversationId, locale, em) {
  const rows = await db.query(
    `select author_kind, text, attachments, created_at from message
      where conversation_id = ? and not internal order by seq limit ?`,
    [conversationId, transcriptLimits.messages],
    em
  );
  const lines = [];
  const attachments2 = [];
  let firstClientText = null;
  for (const row of rows) {
    const files = typeof row.attachments === "string" ? JSON.parse(row.attachments) : row.attachments;
    const names = (files ?? []).map((file) => `\u{1F4CE} ${file.name}`);
    for (const file of files ?? [])
      if (attachments2.length < transcriptLimits.attachments && !attachments2.some((a) => a.fileId === file.fileId))
        attachments2.push(file);
    if (row.author_kind === "client" && !firstClientText && row.text.trim())
      firstClientText = row.text.trim();
    const body = [row.text.trim(), ...names].filter(Boolean).join("\n");
    lines.push(`[${stamp(row.created_at)} UTC] ${authors[locale][row.author_kind]}: ${body}`);
  }
  return { text: lines.join("\n").slice(0, transcriptLimits.chars), attachments: attachments2, firstClientText };
}

// server/src/modules/escalation/escalate.ts
async function requestType(deps, locale, em) {
  const account = await portalAccount(deps.definitions, em);
  const body = account ? await publishedEntity(deps.definitions, account.requests, em) : null;
  if (!account || !body)
    throw new AppError(409, "escalation_unavailable", "escalation_unavailable", {
      reason: locale === "en" ? "the portal names no request type" : "\u043D\u0430 \u043F\u043E\u0440\u0442\u0430\u043B\u0435 \u043D\u0435 \u0437\u0430\u0434\u0430\u043D \u0442\u0438\u043F \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u0439"
    });
  return requestFields(account, body);
}
async function escalatedTo(db, conversation, em) {
  if (conversation.channel === "portal" || !conversation.requestRecordId) return null;
  const [row] = await db.query(
    "select id, entity, number, title from record where id = ?",
    [conversation.requestRecordId],
    em
  );
  return row ? { id: row.id, entity: row.entity, number: Number(row.number), title: row.title } : null;
}
async function escalationDraft(deps, conversation, locale) {
  const fields = await requestType(deps, locale);
  const transcript = await transcriptOf(deps.db, conversation.id, locale);
  const data = {};
  const subject = conversation.subject ?? transcript.firstClientText?.split("\n")[0] ?? fallbackSubject(locale, conversation.channel);
  if (fields.subject) data[fields.subject.key] = fit(subject.slice(0, 200), fields.subject.maxLength);
  if (fields.description) data[fields.description.key] = fit(transcript.text, fields.description.maxLength);
  if (fields.client && conversation.clientRecordId)
    data[fields.client.key] = fields.client.many ? [conversation.clientRecordId] : conversation.clientRecordId;
  return { entity: fields.entity, data, attachments: transcript.attachments.length };
}
function escalate(deps, conversationId, input, actor, locale) {
  return deps.db.transaction((tx) => escalateWithin(deps, tx, conversationId, input, actor, locale));
}
async function escalateWithin(deps, tx, conversationId, input, actor, locale) {
  const { db } = deps;
  const conversation = await lockConversation(db, tx, conversationId);
  if (conversation.channel === "portal")
    throw new AppError(409, "escalation_unavailable", "escalation_unavailable", {
      reason: locale === "en" ? "this is already a request\u2019s thread" : "\u044D\u0442\u043E \u0443\u0436\u0435 \u043F\u0435\u0440\u0435\u043F\u0438\u0441\u043A\u0430 \u043F\u043E \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044E"
    });
  const existing = await escalatedTo(db, conversation, tx);
  if (existing)
    throw new AppError(409, "escalation_exists", "escalation_exists", { number: existing.number }, [
      { pointer: "/request", message: existing.id, code: "escalation_exists" }
    ]);
  const fields = await requestType(deps, locale, tx);
  const transcript = await transcriptOf(db, conversation.id, locale, tx);
  const now = dateOf(deps.clock);
  const data = { ...input };
  if (fields.description && !String(data[fields.description.key] ?? "").trim())
    data[fields.description.key] = fit(transcript.text, fields.description.maxLength);
  if (fields.client && conversation.clientRecordId && data[fields.client.key] == null)
    data[fields.client.key] = fields.client.many ? [conversation.clientRecordId] : conversation.clientRecordId;
  if (fields.files && transcript.attachments.length) {
    const refs = await fileRows(db, tx, fields.entity, fields.files.key, transcript.attachments, actor, now);
    const given = data[fields.files.key];
    const had = Array.isArray(given) ? given : given ? [given] : [];
    data[fields.files.key] = fields.files.multiple ? [...had, ...refs] : had[0] ?? refs[0];
  }
  const record = await deps.records.create(fields.entity, data, actor, locale, { em: tx });
  await tx.flush();
  await db.query(
    "update conversation set request_record_id = ? where id = ?",
    [record.id, conversation.id],
    tx
  );
  audit(tx, actor, {
    action: "update",
    targetType: "conversation",
    targetId: conversation.id,
    before: { requestRecordId: null },
    after: { requestRecordId: record.id, escalated: true },
    at: now
  });
  const clientLanguage2 = await clientLocale(db, tx, conversation.id);
  await deps.conversations.answerWithin(
    tx,
    conversation.id,
    {
      authorKind: "system",
      message: { text: escalatedNotice(clientLanguage2, record.number), parts: [], attachments: [] }
    },
    actor
  );
  return { id: record.id, entity: fields.entity, number: record.number, title: record.title };
}
async function fileRows(db, tx, entity, field, attachments2, actor, now) {
  const refs = [];
  for (const file of attachments2) {
    const id = randomUUID15();
    await db.query(
      `insert into file (id, sha256, size, content_type, name, entity, field, created_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, file.fileId, file.size, file.contentType, file.name, entity, field, actor.id, now],
      tx
    );
    refs.push({ id, name: file.name, size: file.size, contentType: file.contentType });
  }
  return refs;
}

// server/src/modules/escalation/escalation-routes.ts
var tags13 = ["conversations"];
var Request = Type28.Object({
  id: Uuid,
  entity: Type28.String(),
  number: Type28.Integer(),
  title: Type28.String()
});
var Data = Type28.Record(Type28.String({ maxLength: 100 }), Type28.Unknown(), { maxProperties: 200 });
async function findConversation(db, id) {
  const [row] = await db.query("select * from conversation where id = ?", [id]);
  if (!row) throw fail.notFound("conversation");
  return conversationView(row);
}
var escalationRoutes = async (app, deps) => {
  const { db } = deps;
  const config3 = { access: contactCentre };
  app.get(
    "/conversations/:id/escalation",
    {
      config: config3,
      schema: {
        tags: tags13,
        summary: "The request a dialog was handed to, else the draft its create form opens with",
        params: IdParams,
        response: {
          200: Type28.Object({
            request: Type28.Union([Request, Type28.Null()]),
            draft: Type28.Union([
              Type28.Object({ entity: Type28.String(), data: Data, attachments: Type28.Integer() }),
              Type28.Null()
            ])
          }),
          ...errorResponses
        }
      }
    },
    async (request) => {
      const found = await findConversation(db, request.params.id);
      const existing = await escalatedTo(db, found);
      if (existing || found.channel === "portal") return { request: existing, draft: null };
      return { request: null, draft: await escalationDraft(deps, found, requestLocale(request)) };
    }
  );
  app.post(
    "/conversations/:id/escalate",
    {
      config: config3,
      schema: {
        tags: tags13,
        summary: "Hand a dialog to the second line: a request with its transcript and files, linked both ways",
        description: "409 when the dialog was escalated before (the error names the request).",
        params: IdParams,
        body: Type28.Object({ data: Data }, { additionalProperties: false }),
        response: { 201: Request, ...errorResponses }
      }
    },
    async (request, reply) => {
      const made = await escalate(
        deps,
        request.params.id,
        request.body.data,
        request.actor,
        requestLocale(request)
      );
      return reply.status(201).send(made);
    }
  );
  app.get(
    "/escalations/:id",
    {
      config: config3,
      schema: {
        tags: tags13,
        summary: "The dialogs handed to a request (for its card)",
        params: IdParams,
        response: { 200: Type28.Object({ conversations: Type28.Array(ConversationSchema) }), ...errorResponses }
      }
    },
    async (request) => {
      const rows = await db.query(
        `select * from conversation where request_record_id = ? and channel <> 'portal'
          order by opened_at limit 20`,
        [request.params.id]
      );
      return { conversations: rows.map(conversationView) };
    }
  );
};

// server/src/modules/escalation/index.ts
var escalationModule = fp15(
  async (app) => {
    const { db, definitions, records, clock, conversations } = app;
    await app.register(escalationRoutes, {
      prefix: apiPrefix,
      db,
      definitions,
      records,
      clock,
      conversations
    });
  },
  { name: "escalation", dependencies: ["conversations", "records", "definitions"] }
);

// server/src/modules/files/index.ts
import fp16 from "fastify-plugin";

// server/src/modules/files/file-holders.ts
import { accessScope as accessScope2 } from "@opora/runtime/definitions";

// server/src/modules/files/file-refs.ts
function findFileField(body, path2) {
  const [key2, column, ...rest] = path2.split(".");
  if (rest.length) return void 0;
  const field = body.fields.find((f) => f.key === key2);
  if (!field) return void 0;
  if (column === void 0) return field.type === "file" ? field : void 0;
  if (field.type !== "table") return void 0;
  const inner = field.columns.find((c) => c.key === column);
  return inner?.type === "file" ? inner : void 0;
}
var isRef = (value) => typeof value === "object" && value !== null && typeof value.id === "string";
function refsOf(value, path2, pointer) {
  if (Array.isArray(value))
    return value.flatMap((item, i) => isRef(item) ? [{ path: path2, pointer: `${pointer}/${i}`, ref: item }] : []);
  return isRef(value) ? [{ path: path2, pointer, ref: value }] : [];
}
function fileRefsIn(body, data) {
  return body.fields.flatMap((field) => {
    if (field.type === "file") return refsOf(data[field.key], field.key, `/${field.key}`);
    if (field.type !== "table" || !Array.isArray(data[field.key])) return [];
    const rows = data[field.key];
    return field.columns.flatMap(
      (column) => column.type !== "file" ? [] : rows.flatMap(
        (row, i) => typeof row === "object" && row !== null ? refsOf(
          row[column.key],
          `${field.key}.${column.key}`,
          `/${field.key}/${i}/${column.key}`
        ) : []
      )
    );
  });
}
function containmentPatterns(path2, id) {
  const [key2 = "", column] = path2.split(".");
  const single = { id };
  const wrap = (value) => JSON.stringify(column ? { [key2]: [{ [column]: value }] } : { [key2]: value });
  return [wrap(single), wrap([single])];
}

// server/src/modules/files/file-holders.ts
async function heldByRecord(db, file, among, em) {
  const [single, multiple] = containmentPatterns(file.field, file.id);
  const rows = await db.query(
    `select 1 from record where entity = ? and deleted_at is null
     and (data @> ?::jsonb or data @> ?::jsonb)${among ? ` and ${among.sql}` : ""} limit 1`,
    [file.entity, single, multiple, ...among?.params ?? []],
    em
  );
  return rows.length > 0;
}
async function heldByReadableRecord(db, access, file, body, actor, em) {
  if (!actor) return heldByRecord(db, file, void 0, em);
  const scope = accessScope2(body, actor.roles, "read");
  if (scope === "none") return false;
  const among = scope === "own" ? access.ownedSql(file.entity, body, await access.owner(actor, em)) : void 0;
  return heldByRecord(db, file, among, em);
}

// server/src/modules/files/file-attach-check.ts
var uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function fileAttachCheck(db, access) {
  return async ({ tx, entity, body, data, before, actor, locale }) => {
    const had = new Set(before ? fileRefsIn(body, before).map(key) : []);
    const added = fileRefsIn(body, data).filter((found) => !had.has(key(found)));
    if (!added.length) return [];
    const ids2 = [...new Set(added.map((f) => f.ref.id).filter((id) => uuidPattern.test(id)))];
    const rows = ids2.length ? await db.query(
      `select id, entity, field, size, content_type, created_by from file
           where id::text = any(string_to_array(?, ','))`,
      [ids2.join(",")],
      tx
    ) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const problems = [];
    for (const found of added) {
      const row = byId.get(found.ref.id);
      const fits = row !== void 0 && row.entity === entity && row.field === found.path && Number(row.size) === found.ref.size && row.content_type === found.ref.contentType && (actor === null || row.created_by === actor.id || await heldByReadableRecord(db, access, row, body, actor, tx));
      if (!fits)
        problems.push({
          pointer: found.pointer,
          code: "file_ref",
          message: message(locale, "file_ref_invalid", { name: found.ref.name })
        });
    }
    return problems;
  };
}
var key = (found) => `${found.path}:${found.ref.id}`;

// server/src/modules/files/file-routes.ts
import fastifyMultipart3 from "@fastify/multipart";
import { Type as Type29 } from "@sinclair/typebox";
var tags14 = ["files"];
var FileRefSchema = Type29.Object({
  id: Type29.String(),
  name: Type29.String(),
  size: Type29.Integer(),
  contentType: Type29.String()
});
var fileRoutes = async (app, { files }) => {
  await app.register(fastifyMultipart3, {
    // The size is enforced by the store per field; busboy's own cap is only a backstop just above the server's.
    throwFileSizeLimit: false,
    limits: {
      fileSize: files.capBytes + 1,
      files: 1,
      fields: 10,
      fieldSize: 1e3,
      parts: 12,
      headerPairs: 20
    }
  });
  const config3 = { access: staff };
  app.post(
    "/files",
    {
      config: config3,
      schema: {
        tags: tags14,
        summary: "Upload a file into a file field (multipart/form-data: entity, field, then the file)",
        description: "The field decides the limits: `maxSizeMb` (capped by the server\u2019s FILE_MAX_MB) and `accept`. A forbidden type is refused before the content is read, an oversized file as soon as it passes the limit.",
        consumes: ["multipart/form-data"],
        response: {
          201: FileRefSchema,
          413: ErrorResponse,
          415: ErrorResponse,
          ...errorResponses
        }
      }
    },
    async (request, reply) => {
      const ref = await receiveUpload(
        request,
        reply,
        { bytes: files.capBytes, mb: files.capMb },
        async (fields, part, declaredLength) => {
          const { entity, field } = fields;
          if (entity === void 0 || field === void 0) throw fail.fileUploadInvalid("file_form_order");
          const target = await files.target(entity, field, request.actor);
          if (declaredLength > target.limitBytes + envelopeBytes) throw fail.fileTooLarge(target.limitMb);
          return files.upload(
            target,
            part.file,
            { name: part.filename, contentType: part.mimetype },
            request.actor
          );
        }
      );
      return reply.status(201).send(ref);
    }
  );
  app.get(
    "/files/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags: tags14,
        summary: "Download a file (to its uploader, or to whoever may read a record holding it)",
        params: IdParams,
        produces: ["application/octet-stream"],
        response: {
          200: Type29.Unknown({
            description: "The content, as an attachment, with the type it was uploaded with"
          }),
          304: Type29.Null({ description: "Not modified (If-None-Match)" }),
          ...errorResponses
        }
      }
    },
    async (request, reply) => {
      const file = await files.find(request.params.id, request.actor);
      return sendStoredFile(request, reply, file, {
        cacheControl: "private, no-cache",
        inline: false,
        content: () => files.content(file)
      });
    }
  );
};

// server/src/modules/files/file-service.ts
import { randomUUID as randomUUID16 } from "node:crypto";
import { accessScope as accessScope3, defaultFileMaxSizeMb, fileAccepted as fileAccepted2 } from "@opora/runtime/definitions";
var megabyte = 1024 * 1024;
var stored = (row) => ({
  id: row.id,
  name: row.name,
  size: Number(row.size),
  contentType: row.content_type,
  sha256: row.sha256,
  entity: row.entity,
  field: row.field,
  createdBy: row.created_by
});
var FileService = class {
  constructor(db, definitions, store, capMb2, access) {
    this.db = db;
    this.definitions = definitions;
    this.store = store;
    this.capMb = capMb2;
    this.access = access;
    this.capBytes = Math.floor(capMb2 * megabyte);
  }
  db;
  definitions;
  store;
  capMb;
  access;
  capBytes;
  /**
   * Resolves the form's entity and field before any file byte is read; a field's maxSizeMb can only lower the
   * server cap. Only someone who may create or change records of the type has a use for uploading into it.
   */
  async target(entity, field, actor) {
    const published = await this.definitions.latestPublished("entity", entity);
    if (!published) throw fail.entityNotPublished(entity);
    const body = published.body;
    if (accessScope3(body, actor.roles, "create") === "none") this.access.scope(entity, body, actor, "update");
    const spec = findFileField(body, field);
    if (!spec) throw fail.fileFieldUnknown(entity, field);
    const limitMb = Math.min(spec.maxSizeMb ?? defaultFileMaxSizeMb, this.capMb);
    return { entity, field, accept: spec.accept, limitMb, limitBytes: Math.floor(limitMb * megabyte) };
  }
  /** Checks the declared name and type first (refusing without reading), then streams the content to the store. */
  async upload(target, content, declared, actor) {
    const name = cleanFileName(declared.name);
    const contentType = cleanContentType(declared.contentType);
    if (!fileAccepted2(target.accept, name, contentType))
      throw fail.fileTypeNotAllowed(name, target.accept ?? []);
    const blob = await this.store.put(content, target.limitBytes).catch((error) => {
      throw error instanceof SizeLimitExceeded ? fail.fileTooLarge(target.limitMb) : error;
    });
    const id = randomUUID16();
    await this.db.query(
      `insert into file (id, sha256, size, content_type, name, entity, field, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, blob.sha256, blob.size, contentType, name, target.entity, target.field, actor.id]
    );
    return { id, name, size: blob.size, contentType };
  }
  /**
   * The file, if the actor may have it: its uploader always; anyone else only while a live record they may read
   * holds it in its field. Otherwise "not found", so ids of other people's uploads reveal nothing.
   */
  async find(id, actor) {
    const [row] = await this.db.query(
      "select id, sha256, size, content_type, name, entity, field, created_by from file where id = ?",
      [id]
    );
    if (!row || row.created_by !== actor.id && !await this.readable(row, actor))
      throw fail.notFound(`file ${id}`);
    return stored(row);
  }
  async readable(row, actor) {
    const published = await this.definitions.latestPublished("entity", row.entity);
    if (!published) return false;
    return heldByReadableRecord(this.db, this.access, row, published.body, actor);
  }
  async content(file) {
    const stream = await this.store.open(file.sha256);
    if (!stream) throw fail.fileContentMissing();
    return stream;
  }
};

// server/src/modules/files/index.ts
var filesModule = fp16(
  async (app) => {
    const files = new FileService(
      app.db,
      app.definitions,
      app.fileStore,
      app.settings.fileMaxMb,
      app.records.access
    );
    app.records.addSaveCheck(fileAttachCheck(app.db, app.records.access));
    await app.register(fileRoutes, { prefix: apiPrefix, files });
  },
  { name: "files", dependencies: ["records"] }
);

// server/src/modules/forms/index.ts
import fp17 from "fastify-plugin";

// server/src/modules/forms/form-publishing.ts
import { walkLayout } from "@opora/runtime/definitions";
import { compileForm, FormDesignError } from "@opora/runtime/forms";
function formPublishing(definitions) {
  return {
    async check(body, locale, tx) {
      const form = body;
      const published = await definitions.latestPublished("entity", form.entity, tx);
      if (!published) return [];
      const entity = published.body;
      const details = [];
      try {
        compileForm(entity, form, locale);
      } catch (error) {
        if (!(error instanceof FormDesignError)) throw error;
        details.push(
          ...error.problems.map((p) => ({ pointer: p.pointer, message: p.message, code: p.code }))
        );
      }
      (form.onSubmit ?? []).forEach((action, i) => {
        if (action.type === "script" && action.resultField && !entity.fields.some((f) => f.key === action.resultField))
          details.push({
            pointer: `/onSubmit/${i}/resultField`,
            code: "reference",
            message: locale === "ru" ? `\u0412 \u0442\u0438\u043F\u0435 \xAB${form.entity}\xBB \u043D\u0435\u0442 \u043F\u043E\u043B\u044F \xAB${action.resultField}\xBB` : `Data type "${form.entity}" has no field "${action.resultField}"`
          });
      });
      details.push(...await relatedProblems(definitions, form, locale, tx));
      return details;
    }
  };
}
async function relatedProblems(definitions, form, locale, tx) {
  const details = [];
  for (const { element, pointer } of walkLayout(form.layout)) {
    if (element.type !== "related") continue;
    const other = await definitions.latestPublished("entity", element.entity, tx);
    const field = other?.body?.fields.find((f) => f.key === element.field);
    if (!field) continue;
    if (field.type !== "relation" || field.entity !== form.entity)
      details.push({
        pointer: `${pointer}/field`,
        code: "reference",
        message: locale === "ru" ? `\u041F\u043E\u043B\u0435 \xAB${element.field}\xBB \u0442\u0438\u043F\u0430 \xAB${element.entity}\xBB \u043D\u0435 \u0441\u0441\u044B\u043B\u0430\u0435\u0442\u0441\u044F \u043D\u0430 \xAB${form.entity}\xBB` : `Field "${element.field}" of "${element.entity}" does not refer to "${form.entity}"`
      });
  }
  return details;
}

// server/src/modules/forms/form-routes.ts
import { definitionKeyPattern as definitionKeyPattern3 } from "@opora/runtime/definitions";
import { Type as Type32 } from "@sinclair/typebox";

// server/src/modules/records/record-routes.ts
import { Type as Type31 } from "@sinclair/typebox";

// server/src/modules/records/record-schemas.ts
import { Type as Type30 } from "@sinclair/typebox";
var Entity = Type30.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" });
var EntityParams = Type30.Object({ entity: Entity }, { additionalProperties: false });
var RecordParams = Type30.Object({ entity: Entity, id: Uuid }, { additionalProperties: false });
var Data2 = Type30.Object(
  {},
  { additionalProperties: true, description: "Field values; validated against the published entity" }
);
var Version = Type30.Integer({ minimum: 1 });
var RecordListQuery = Type30.Object(
  {
    q: Type30.Optional(Type30.String({ maxLength: 500 })),
    filter: Type30.Optional(
      Type30.Array(Type30.String({ maxLength: 500 }), {
        maxItems: 20,
        description: "field:op:value (eq, ne, lt, lte, gt, gte, contains, in, empty)"
      })
    ),
    sort: Type30.Optional(Type30.String({ maxLength: 64, description: "field or -field" })),
    ...Paging
  },
  { additionalProperties: false }
);
var RecordCreateBody = Type30.Object({ data: Data2 }, { additionalProperties: false });
var RecordUpdateBody = Type30.Object(
  { version: Version, data: Data2 },
  { additionalProperties: false }
);
var RecordDeleteQuery = Type30.Object({ version: Version }, { additionalProperties: false });
var RecordSchema = Type30.Object({
  id: Type30.String(),
  entity: Type30.String(),
  number: Type30.Integer(),
  entityVersion: Type30.Integer(),
  title: Type30.String(),
  data: Type30.Unknown(),
  version: Type30.Integer(),
  createdAt: Type30.String(),
  updatedAt: Type30.String(),
  createdBy: Type30.Union([Type30.String(), Type30.Null()]),
  updatedBy: Type30.Union([Type30.String(), Type30.Null()])
});

// server/src/modules/records/record-routes.ts
var tags15 = ["records"];
var recordRoutes = async (app, { records }) => {
  const config3 = { access: "authenticated" };
  app.get(
    "/records/:entity",
    {
      config: config3,
      schema: {
        tags: tags15,
        summary: "List records: full-text search, filters, sorting, pagination",
        params: EntityParams,
        querystring: RecordListQuery,
        response: { 200: PageOf(RecordSchema), ...errorResponses }
      }
    },
    (request) => records.list(request.params.entity, request.query, request.actor)
  );
  app.post(
    "/records/:entity",
    {
      config: config3,
      schema: {
        tags: tags15,
        summary: "Create a record",
        params: EntityParams,
        body: RecordCreateBody,
        response: { 201: RecordSchema, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(
      await records.create(
        request.params.entity,
        request.body.data,
        request.actor,
        requestLocale(request)
      )
    )
  );
  app.get(
    "/records/:entity/:id",
    {
      config: config3,
      schema: {
        tags: tags15,
        summary: "Get a record",
        params: RecordParams,
        response: { 200: RecordSchema, ...errorResponses }
      }
    },
    (request) => records.get(request.params.entity, request.params.id, request.actor)
  );
  app.patch(
    "/records/:entity/:id",
    {
      config: config3,
      schema: {
        tags: tags15,
        summary: "Change fields of a record (optimistic concurrency on version)",
        params: RecordParams,
        body: RecordUpdateBody,
        response: { 200: RecordSchema, ...errorResponses }
      }
    },
    (request) => records.update(
      request.params.entity,
      request.params.id,
      request.body.version,
      request.body.data,
      request.actor,
      requestLocale(request)
    )
  );
  app.delete(
    "/records/:entity/:id",
    {
      config: config3,
      schema: {
        tags: tags15,
        summary: "Delete a record (soft; stays in the audit log)",
        params: RecordParams,
        querystring: RecordDeleteQuery,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await records.remove(request.params.entity, request.params.id, request.query.version, request.actor);
      return reply.status(204).send(null);
    }
  );
  app.get(
    "/records/:entity/:id/audit",
    {
      // The raw trail names colleagues; clients follow their requests in «Мои обращения».
      config: { access: staff },
      schema: {
        tags: tags15,
        summary: "Change history of a record",
        params: RecordParams,
        querystring: Type31.Object({ ...Paging }, { additionalProperties: false }),
        response: { 200: PageOf(AuditSchema), ...errorResponses }
      }
    },
    (request) => records.history(
      request.params.entity,
      request.params.id,
      request.query.limit ?? 50,
      request.query.offset ?? 0,
      request.actor
    )
  );
};

// server/src/modules/forms/form-routes.ts
var tags16 = ["forms"];
var FormParams = Type32.Object(
  { key: Type32.String({ pattern: definitionKeyPattern3 }) },
  { additionalProperties: false }
);
var Published = Type32.Object({ key: Type32.String(), version: Type32.Integer(), body: Type32.Unknown() });
var formRoutes = async (app, { forms }) => {
  const config3 = { access: staff };
  app.get(
    "/forms",
    {
      config: config3,
      schema: {
        tags: tags16,
        summary: "Published forms of a data type: key, purpose and title of each",
        querystring: Type32.Object(
          { entity: Type32.String({ pattern: definitionKeyPattern3 }) },
          { additionalProperties: false }
        ),
        response: {
          200: Type32.Object({
            items: Type32.Array(
              Type32.Object({
                key: Type32.String(),
                version: Type32.Integer(),
                purpose: Type32.String(),
                title: Type32.Union([
                  Type32.Object({ ru: Type32.String(), en: Type32.Optional(Type32.String()) }),
                  Type32.Null()
                ])
              })
            )
          }),
          ...errorResponses
        }
      }
    },
    (request) => forms.list(request.query.entity)
  );
  app.get(
    "/forms/:key",
    {
      config: config3,
      schema: {
        tags: tags16,
        summary: "The latest published form with the published data type it edits",
        params: FormParams,
        response: { 200: Type32.Object({ form: Published, entity: Published }), ...errorResponses }
      }
    },
    (request) => forms.published(request.params.key)
  );
  app.post(
    "/forms/:key/submit",
    {
      config: config3,
      schema: {
        tags: tags16,
        summary: "Submit a form: re-evaluated and validated on the server, saved, then its on-submit actions run",
        description: "Without recordId a record is created; with recordId and version the record is updated (409 when someone changed it meanwhile). Field problems come back as 400 with details pointing at /data/<field>.",
        params: FormParams,
        body: Type32.Object(
          {
            data: Data2,
            recordId: Type32.Optional(Type32.String({ format: "uuid" })),
            version: Type32.Optional(Type32.Integer({ minimum: 1 }))
          },
          { additionalProperties: false }
        ),
        response: {
          200: Type32.Object({
            record: RecordSchema,
            actions: Type32.Array(
              Type32.Object({
                type: Type32.String(),
                ok: Type32.Boolean(),
                message: Type32.Optional(Type32.String())
              })
            )
          }),
          ...errorResponses
        }
      }
    },
    (request) => forms.submit(request.params.key, request.body, request.actor, requestLocale(request))
  );
};

// server/src/modules/forms/form-service.ts
import { compileForm as compileForm2, FormDesignError as FormDesignError2, prepareSubmission } from "@opora/runtime/forms";
import { buildHttpStepCall, mapHttpStepResponse } from "@opora/runtime/steps/http-step";

// server/src/modules/integrations/integration-call.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import { integrationSecretNames } from "@opora/runtime/definitions";

// server/src/modules/integrations/secret-masking.ts
var secretMask = "********";
var shortestForm = 4;
var reversed = (text2) => [...text2].reverse().join("");
var escapeRegExp = (text2) => text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var toBase64Url = (base64) => base64.replace(/\+/g, "-").replace(/\//g, "_");
var jsonEscaped = (text2) => JSON.stringify(text2).slice(1, -1);
var jsonAsciiEscaped = (text2) => jsonEscaped(text2).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
function base64Cores(bytes) {
  const cores = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64").replace(/=+$/, "");
    const from = Math.ceil(8 * offset / 6);
    const to = Math.floor(8 * (offset + bytes.length) / 6);
    cores.push(encoded.slice(from, to));
  }
  return cores;
}
function secretForms(value) {
  const variants = /* @__PURE__ */ new Set([value, reversed(value)]);
  for (const variant of [...variants]) {
    variants.add(variant.toUpperCase());
    variants.add(variant.toLowerCase());
  }
  const forms = /* @__PURE__ */ new Set();
  for (const variant of variants) {
    const bytes = Buffer.from(variant, "utf8");
    forms.add(variant);
    forms.add(jsonEscaped(variant));
    forms.add(jsonAsciiEscaped(variant));
    forms.add(encodeURIComponent(variant));
    forms.add(encodeURIComponent(variant).replace(/%20/g, "+"));
    forms.add(bytes.toString("hex"));
    for (const core of base64Cores(bytes)) {
      forms.add(core);
      forms.add(toBase64Url(core));
    }
  }
  return [...forms].filter((form) => form.length >= shortestForm || form === value);
}
var SecretMask = class {
  pattern;
  constructor(values) {
    const forms = /* @__PURE__ */ new Set();
    for (const value of values) if (value.length >= 3) for (const form of secretForms(value)) forms.add(form);
    const sorted = [...forms].sort((a, b) => b.length - a.length);
    this.pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join("|"), "gi") : void 0;
  }
  apply(text2) {
    return this.pattern ? text2.replace(this.pattern, secretMask) : text2;
  }
};
var SecretScrubber = class {
  values = /* @__PURE__ */ new Set();
  mask;
  learn(values) {
    for (const value of values)
      if (!this.values.has(value)) {
        this.values.add(value);
        this.mask = void 0;
      }
  }
  get empty() {
    return this.values.size === 0;
  }
  text(text2) {
    if (!this.values.size) return text2;
    this.mask ??= new SecretMask(this.values);
    return this.mask.apply(text2);
  }
  /** A copy of a JSON value with every string and key masked (no recursion: values may be deep). */
  value(value) {
    if (!this.values.size) return value;
    const root = { value };
    const stack = [root];
    for (let holder = stack.pop(); holder; holder = stack.pop())
      for (const key2 of Object.keys(holder)) {
        const item = holder[key2];
        if (typeof item === "string") holder[key2] = this.text(item);
        else if (Array.isArray(item)) {
          const copy = [...item];
          holder[key2] = copy;
          stack.push(copy);
        } else if (item && typeof item === "object") {
          const copy = Object.fromEntries(Object.entries(item).map(([k, v]) => [this.text(k), v]));
          holder[key2] = copy;
          stack.push(copy);
        }
      }
    return root.value;
  }
};

// server/src/modules/integrations/integration-call.ts
var CallRefused = class extends Error {
  constructor(text2) {
    super(text2.en);
    this.text = text2;
  }
  text;
  describe(locale) {
    return this.text[locale];
  }
};
var isSecretRef = (value) => !!value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && typeof value.$secret === "string";
var IntegrationCaller = class {
  constructor(definitions, secrets, gateway) {
    this.definitions = definitions;
    this.secrets = secrets;
    this.gateway = gateway;
  }
  definitions;
  secrets;
  gateway;
  /**
   * `allowed` lists the integrations the caller declared (a script's `integrations`); undefined allows any.
   * `scrubber` (a script run's) learns the masked secret values, to mask them in the run's output and logs too.
   */
  async call(request, allowed, scrubber) {
    if (allowed && !allowed.includes(request.integration))
      throw new CallRefused({
        ru: `\u0438\u043D\u0442\u0435\u0433\u0440\u0430\u0446\u0438\u044F \xAB${request.integration}\xBB \u043D\u0435 \u043E\u0431\u044A\u044F\u0432\u043B\u0435\u043D\u0430 \u0432 \u044D\u0442\u043E\u043C \u0441\u043A\u0440\u0438\u043F\u0442\u0435 (\u043E\u0431\u044A\u044F\u0432\u043B\u0435\u043D\u044B: ${allowed.join(", ") || "\u043D\u0435\u0442"})`,
        en: `integration "${request.integration}" is not declared by this script (declared: ${allowed.join(", ") || "none"})`
      });
    const published = await this.definitions.latestPublished("integration", request.integration);
    if (!published)
      throw new CallRefused({
        ru: `\u0438\u043D\u0442\u0435\u0433\u0440\u0430\u0446\u0438\u044F \xAB${request.integration}\xBB \u043D\u0435 \u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D\u0430`,
        en: `integration "${request.integration}" is not published`
      });
    const integration = published.body;
    const slot = new SecretSlots();
    const headers = this.headers(integration, request.headers ?? {}, slot);
    const body = this.body(request.body, slot);
    if (body !== void 0 && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
      headers["content-type"] = typeof request.body === "string" ? "text/plain; charset=utf-8" : "application/json";
    const permitted = new Set(integrationSecretNames(integration));
    for (const name of slot.used)
      if (!permitted.has(name))
        throw new CallRefused({
          ru: `\u0441\u0435\u043A\u0440\u0435\u0442 \xAB${name}\xBB \u043D\u0435\u043B\u044C\u0437\u044F \u043E\u0442\u043F\u0440\u0430\u0432\u043B\u044F\u0442\u044C \u0438\u043D\u0442\u0435\u0433\u0440\u0430\u0446\u0438\u0438 \xAB${request.integration}\xBB`,
          en: `secret "${name}" may not be sent to integration "${request.integration}"`
        });
    const values = await this.secrets.values([...slot.used]);
    const reveal = (text2) => slot.reveal(text2, values);
    const auth = integration.auth;
    if (auth?.type === "basic")
      headers.authorization = `Basic ${Buffer.from(`${auth.username}:${values.get(auth.secret)}`).toString("base64")}`;
    let response;
    try {
      response = await this.gateway.fetch(
        {
          allowedHosts: integration.allowedHosts,
          allowedAddresses: integration.allowedAddresses,
          defaultPort: portOf(new URL(integration.baseUrl)),
          timeoutMs: integration.timeoutMs,
          maxResponseBytes: integration.maxResponseBytes
        },
        {
          url: this.url(integration, request.path, request.query),
          method: request.method ?? "GET",
          headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, reveal(v)])),
          ...body !== void 0 ? { body: reveal(body) } : {}
        }
      );
    } catch (error) {
      const mask = new SecretMask(values.values());
      if (error instanceof GatewayRefusal)
        throw new CallRefused({
          ru: `HTTP-\u0437\u0430\u043F\u0440\u043E\u0441 \u043E\u0442\u043A\u043B\u043E\u043D\u0451\u043D: ${mask.apply(error.text.ru)}`,
          en: `HTTP request refused: ${mask.apply(error.text.en)}`
        });
      const reason = mask.apply(error.message);
      throw new CallRefused({ ru: `HTTP-\u0437\u0430\u043F\u0440\u043E\u0441 \u043D\u0435 \u0443\u0434\u0430\u043B\u0441\u044F: ${reason}`, en: `HTTP request failed: ${reason}` });
    }
    const hide = await this.mask(
      integration,
      values,
      auth?.type === "basic" ? [headers.authorization] : []
    );
    scrubber?.learn(hide.values);
    return {
      status: response.status,
      headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, hide.apply(v)])),
      text: hide.apply(response.body),
      url: hide.apply(response.url)
    };
  }
  /**
   * What responses of this integration are masked with: the values of every secret it may carry (not only those
   * this request used: an earlier request may have left one on the remote side) and the basic-auth header.
   */
  async mask(integration, used, extra) {
    if (integration.secretEcho === "allow") return { values: [], apply: (text2) => text2 };
    const names = integrationSecretNames(integration).filter((name) => !used.has(name));
    const others = await this.secrets.values(names, { skipMissing: true });
    const values = [...used.values(), ...others.values(), ...extra];
    const mask = new SecretMask(values);
    return { values, apply: (text2) => mask.apply(text2) };
  }
  url(integration, path2, query) {
    const absolute = /^https?:\/\//i.test(path2);
    const url = new URL(
      absolute ? path2 : `${integration.baseUrl.replace(/\/+$/, "")}/${path2.replace(/^\/+/, "")}`
    );
    for (const [name, value] of Object.entries(query ?? {}))
      if (value !== void 0 && value !== null) url.searchParams.append(name, String(value));
    return url.toString();
  }
  /** Header values: text, a secret ref, or parts of both. Secret values are placeholders until the request leaves. */
  headers(integration, given, slot) {
    const headers = { ...integration.headers ?? {} };
    const auth = integration.auth;
    if (auth && auth.type !== "none") {
      const value = slot.placeholder(auth.secret);
      if (auth.type === "bearer") headers.authorization = `Bearer ${value}`;
      else if (auth.type === "header") headers[auth.header] = value;
    }
    for (const [name, raw] of Object.entries(given)) {
      if (!/^[A-Za-z0-9-]{1,100}$/.test(name))
        throw new CallRefused({
          ru: `\u043D\u0435\u0434\u043E\u043F\u0443\u0441\u0442\u0438\u043C\u043E\u0435 \u0438\u043C\u044F \u0437\u0430\u0433\u043E\u043B\u043E\u0432\u043A\u0430 \xAB${name}\xBB`,
          en: `invalid header name "${name}"`
        });
      const parts = Array.isArray(raw) ? raw : [raw];
      headers[name] = parts.map((part) => {
        if (isSecretRef(part)) return slot.placeholder(part.$secret);
        if (typeof part !== "string" && typeof part !== "number")
          throw new CallRefused({
            ru: `\u0437\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A \xAB${name}\xBB \u0434\u043E\u043B\u0436\u0435\u043D \u0431\u044B\u0442\u044C \u0442\u0435\u043A\u0441\u0442\u043E\u043C \u0438\u043B\u0438 \u0441\u0435\u043A\u0440\u0435\u0442\u043E\u043C`,
            en: `header "${name}" must be text or a secret`
          });
        return String(part);
      }).join("");
      if (/[\r\n]/.test(headers[name]))
        throw new CallRefused({
          ru: `\u0437\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A \xAB${name}\xBB \u0441\u043E\u0434\u0435\u0440\u0436\u0438\u0442 \u043F\u0435\u0440\u0435\u0432\u043E\u0434 \u0441\u0442\u0440\u043E\u043A\u0438`,
          en: `header "${name}" contains a line break`
        });
    }
    return headers;
  }
  body(body, slot) {
    if (body === void 0 || body === null) return void 0;
    if (typeof body === "string") return body;
    const replace = (value) => {
      if (isSecretRef(value)) return slot.placeholder(value.$secret);
      if (Array.isArray(value)) return value.map(replace);
      if (value && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
      return value;
    };
    return JSON.stringify(replace(body));
  }
};
var SecretSlots = class {
  used = /* @__PURE__ */ new Set();
  nonce = randomBytes4(12).toString("hex");
  placeholder(name) {
    this.used.add(name);
    return `{{${this.nonce}:${name}}}`;
  }
  reveal(text2, values) {
    return text2.replace(
      new RegExp(`\\{\\{${this.nonce}:([a-z0-9_]+)\\}\\}`, "g"),
      (_, name) => values.get(name) ?? ""
    );
  }
};

// server/src/modules/forms/relation-check.ts
var ids = (value) => (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string");
async function danglingRelations(db, entity, data, existing, locale) {
  const problems = [];
  for (const field of entity.fields) {
    if (field.type !== "relation") continue;
    const before = new Set(ids(existing?.[field.key]));
    const added = ids(data[field.key]).filter((id) => !before.has(id));
    if (!added.length) continue;
    const found = await db.query(
      `select id from record where entity = ? and deleted_at is null and id::text = any(string_to_array(?, ','))`,
      [field.entity, added.join(",")]
    );
    if (found.length === new Set(added).size) continue;
    const label = field.label[locale] ?? field.label.ru;
    problems.push({
      pointer: `/${field.key}`,
      code: "relation",
      message: locale === "en" ? `"${label}": the chosen record no longer exists; choose another` : `\xAB${label}\xBB: \u0432\u044B\u0431\u0440\u0430\u043D\u043D\u0430\u044F \u0437\u0430\u043F\u0438\u0441\u044C \u0443\u0434\u0430\u043B\u0435\u043D\u0430 \u0438\u043B\u0438 \u043D\u0435 \u043D\u0430\u0439\u0434\u0435\u043D\u0430 \u2014 \u0432\u044B\u0431\u0435\u0440\u0438\u0442\u0435 \u0434\u0440\u0443\u0433\u0443\u044E`
    });
  }
  return problems;
}

// server/src/modules/forms/form-service.ts
var maxCompiled = 200;
var FormService = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  compiled = /* @__PURE__ */ new Map();
  /** The latest published form and its data type, as the generated screens render them. */
  async published(key2) {
    const { form, entity } = await this.load(key2);
    return { form, entity };
  }
  /** Published forms of a data type, so screens can pick theirs by purpose (create, edit, card, portal). */
  async list(entity) {
    const forms = await publishedOfKind(this.deps.db, "form");
    return {
      items: forms.flatMap(({ key: key2, version, body }) => {
        const form = body;
        return form.entity === entity ? [{ key: key2, version, purpose: form.purpose, title: form.title ?? null }] : [];
      })
    };
  }
  /**
   * `viaPortal`: sent through the portal routes, where a published portal form lets clients and visitors
   * create records of its type whatever the type's create rights say (that is what publishing it means).
   */
  async submit(key2, input, actor, locale, { viaPortal = false } = {}) {
    const { compiled, entity } = await this.load(key2);
    if (input.recordId !== void 0 && input.version === void 0)
      throw fail.validation([
        { pointer: "/version", message: "version is required with recordId", code: "required" }
      ]);
    const existing = input.recordId ? await this.deps.records.get(entity.key, input.recordId, actor) : void 0;
    const prepared = prepareSubmission(compiled, {
      submitted: input.data,
      existing: existing?.data,
      clock: { now: dateOf(this.deps.clock), timeZone: this.deps.timeZone },
      locale
    });
    for (const [field, value] of Object.entries(input.fixed ?? {})) {
      if (value === null) delete prepared.data[field];
      else prepared.data[field] = value;
      prepared.problems = prepared.problems.filter((p) => p.pointer.split("/")[1] !== field);
    }
    if (!prepared.problems.length)
      prepared.problems.push(
        ...await danglingRelations(this.deps.db, entity.body, prepared.data, existing?.data, locale)
      );
    if (prepared.problems.length)
      throw fail.validation(prepared.problems.map((p) => ({ ...p, pointer: `/data${p.pointer}` })));
    let record = existing && input.version !== void 0 ? await this.deps.records.update(
      entity.key,
      existing.id,
      input.version,
      prepared.data,
      actor,
      locale,
      {
        replace: true
      }
    ) : await this.deps.records.create(
      entity.key,
      prepared.data,
      actor,
      locale,
      viaPortal ? { grantedBy: "portal" } : {}
    );
    const actions = [];
    for (const action of compiled.form.onSubmit ?? []) {
      const outcome = await this.runAction(action, record, entity.body, actor, locale).catch(
        (error) => ({
          record,
          outcome: {
            type: action.type,
            ok: false,
            message: this.actionFailure(error, locale)
          }
        })
      );
      record = outcome.record;
      actions.push(outcome.outcome);
    }
    return { record, actions };
  }
  /** What the submitter reads about a failed action: the API's words, never a database's (SQL stays in the log). */
  actionFailure(error, locale) {
    if (error instanceof AppError) return message(locale, error.messageKey, error.params);
    if (error instanceof CallRefused) return error.describe(locale);
    this.deps.logFailure?.(error);
    return message(locale, "internal");
  }
  /** An on-submit action; the record is already saved, so a failure is reported, never undone. */
  async runAction(action, record, entity, actor, locale) {
    const { records } = this.deps;
    if (action.type === "script") {
      const input = { id: record.id, number: record.number, entity: record.entity, data: record.data };
      const result = await this.deps.scripts.runPublished(
        action.script,
        input,
        { kind: `form:${record.entity}`, by: actor?.name ?? null },
        actor,
        locale
      );
      if (!result.ok)
        return { record, outcome: { type: "script", ok: false, message: result.error.message } };
      if (!action.resultField) return { record, outcome: { type: "script", ok: true } };
      const updated2 = await records.update(
        record.entity,
        record.id,
        record.version,
        { [action.resultField]: result.output },
        actor,
        locale,
        { grantedBy: "form" }
      );
      return { record: updated2, outcome: { type: "script", ok: true } };
    }
    const variables = { ...record.data, id: record.id, number: record.number };
    const response = await this.deps.caller.call(buildHttpStepCall(action.step, variables));
    const mapped = mapHttpStepResponse(action.step, response).variables;
    const patch = Object.fromEntries(
      Object.entries(mapped).filter(([key2]) => entity.fields.some((f) => f.key === key2))
    );
    if (!Object.keys(patch).length) return { record, outcome: { type: "http", ok: true } };
    const updated = await records.update(record.entity, record.id, record.version, patch, actor, locale, {
      grantedBy: "form"
    });
    return { record: updated, outcome: { type: "http", ok: true } };
  }
  async load(key2) {
    const { definitions } = this.deps;
    const form = await definitions.latestPublished("form", key2);
    if (!form) throw fail.notFound(`form ${key2}`);
    const formBody = form.body;
    const entity = await definitions.latestPublished("entity", formBody.entity);
    if (!entity) throw fail.entityNotPublished(formBody.entity);
    const entityBody = entity.body;
    const cacheKey = `${key2}@${form.version}|${formBody.entity}@${entity.version}`;
    let compiled = this.compiled.get(cacheKey);
    if (!compiled) {
      try {
        compiled = compileForm2(entityBody, formBody);
      } catch (error) {
        if (error instanceof FormDesignError2)
          throw fail.definitionInvalid(error.problems.map((p) => ({ ...p, pointer: `/body${p.pointer}` })));
        throw error;
      }
      if (this.compiled.size >= maxCompiled)
        this.compiled.delete(this.compiled.keys().next().value);
      this.compiled.set(cacheKey, compiled);
    }
    return {
      compiled,
      form: { key: key2, version: form.version, body: formBody },
      entity: { key: formBody.entity, version: entity.version, body: entityBody }
    };
  }
};

// server/src/modules/forms/index.ts
var formsModule = fp17(
  async (app) => {
    app.definitions.extend("form", formPublishing(app.definitions));
    const forms = new FormService({
      definitions: app.definitions,
      records: app.records,
      scripts: app.scripts,
      caller: app.integrations,
      timeZone: app.settings.timeZone,
      clock: app.clock,
      db: app.db,
      logFailure: (error) => app.log.error({ err: error }, "form action failed")
    });
    app.decorate("forms", forms);
    await app.register(formRoutes, { prefix: apiPrefix, forms });
  },
  { name: "forms", dependencies: ["records", "scripts"] }
);

// server/src/modules/integrations/index.ts
import fp18 from "fastify-plugin";

// server/src/modules/integrations/integration-routes.ts
import { buildHttpStepCall as buildHttpStepCall2, HttpStepConfigSchema, mapHttpStepResponse as mapHttpStepResponse2 } from "@opora/runtime/steps/http-step";
import { Type as Type33 } from "@sinclair/typebox";
var integrationRoutes = async (app, { caller }) => {
  app.post(
    "/integrations/http-step/run",
    {
      config: { access: canDesign },
      schema: {
        tags: ["integrations"],
        summary: "Run an HTTP step (integration call with templates and response mapping)",
        body: Type33.Object(
          {
            step: HttpStepConfigSchema,
            variables: Type33.Optional(Type33.Record(Type33.String(), Type33.Unknown()))
          },
          { additionalProperties: false }
        ),
        response: {
          200: Type33.Object({
            status: Type33.Integer(),
            url: Type33.String(),
            variables: Type33.Record(Type33.String(), Type33.Unknown()),
            missing: Type33.Array(Type33.String())
          }),
          ...errorResponses
        }
      }
    },
    async (request) => {
      const { step, variables = {} } = request.body;
      let call;
      try {
        call = buildHttpStepCall2(step, variables);
      } catch (error) {
        throw fail.validation([{ pointer: "/step", message: error.message, code: "template" }]);
      }
      try {
        const response = await caller.call(call);
        return { status: response.status, url: response.url, ...mapHttpStepResponse2(step, response) };
      } catch (error) {
        if (error instanceof CallRefused)
          throw fail.integrationRefused(error.describe(requestLocale(request)));
        throw error;
      }
    }
  );
};

// server/src/modules/integrations/index.ts
var integrationsModule = fp18(
  async (app) => {
    const caller = new IntegrationCaller(app.definitions, app.secrets, app.gateway);
    app.decorate("integrations", caller);
    await app.register(integrationRoutes, { prefix: apiPrefix, caller });
  },
  { name: "integrations", dependencies: ["definitions", "secrets"] }
);

// server/src/modules/jobs/index.ts
import fp19 from "fastify-plugin";

// server/src/modules/jobs/job-routes.ts
import { literals as literals4 } from "@opora/runtime/definitions";
import { Type as Type34 } from "@sinclair/typebox";
var JobSchema = Type34.Object({
  id: Type34.String(),
  name: Type34.String(),
  status: Type34.String(),
  attempts: Type34.Integer(),
  maxAttempts: Type34.Integer(),
  runAt: Type34.String(),
  lastError: Type34.Union([Type34.String(), Type34.Null()]),
  createdAt: Type34.String(),
  finishedAt: Type34.Union([Type34.String(), Type34.Null()])
});
var JobParams = Type34.Object(
  { id: Type34.String({ pattern: "^[0-9]{1,18}$" }) },
  { additionalProperties: false }
);
var jobView = (job) => ({
  id: job.id,
  name: job.name,
  status: job.status,
  attempts: job.attempts,
  maxAttempts: job.maxAttempts,
  runAt: job.runAt.toISOString(),
  lastError: job.lastError,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null
});
var jobRoutes = async (app, { queue }) => {
  const config3 = { access: adminOnly };
  const tags31 = ["jobs"];
  app.get(
    "/jobs",
    {
      config: config3,
      schema: {
        tags: tags31,
        summary: "List background jobs",
        querystring: Type34.Object(
          {
            status: Type34.Optional(literals4(["pending", "running", "done", "failed", "cancelled"])),
            name: Type34.Optional(Type34.String({ maxLength: 200 })),
            ...Paging
          },
          { additionalProperties: false }
        ),
        response: { 200: PageOf(JobSchema), ...errorResponses }
      }
    },
    async (request) => {
      const page = await queue.list(request.query);
      return { ...page, items: page.items.map(jobView) };
    }
  );
  app.post(
    "/jobs/:id/retry",
    {
      config: config3,
      schema: {
        tags: tags31,
        summary: "Retry a failed job now",
        params: JobParams,
        response: { 200: JobSchema, ...errorResponses }
      }
    },
    async (request) => {
      if (!await queue.retry(request.params.id)) throw fail.notFound(`failed job ${request.params.id}`);
      return jobView(await queue.get(request.params.id));
    }
  );
  app.post(
    "/jobs/:id/cancel",
    {
      config: config3,
      schema: {
        tags: tags31,
        summary: "Cancel a job that has not run",
        params: JobParams,
        response: { 200: JobSchema, ...errorResponses }
      }
    },
    async (request) => {
      if (!await queue.cancel(request.params.id)) throw fail.notFound(`pending job ${request.params.id}`);
      return jobView(await queue.get(request.params.id));
    }
  );
};

// server/src/modules/jobs/index.ts
var jobsModule = fp19(
  async (app) => {
    await app.register(jobRoutes, { prefix: apiPrefix, queue: app.jobQueue });
  },
  { name: "jobs", dependencies: ["auth"] }
);

// server/src/modules/kb/index.ts
import fp20 from "fastify-plugin";

// server/src/modules/kb/article-routes.ts
import { Type as Type35 } from "@sinclair/typebox";
var tags17 = ["knowledge base"];
var Version2 = Type35.Integer({ minimum: 1 });
var articleRoutes = async (app, { articles, queries }) => {
  const read = { access: staff };
  const write = { access: kbEditors };
  app.get(
    "/kb/articles",
    {
      config: read,
      schema: {
        tags: tags17,
        summary: "List articles in any state: search, filters, sort, pagination",
        querystring: Type35.Object(
          {
            q: Type35.Optional(Type35.String({ maxLength: 2e3 })),
            state: Type35.Optional(ArticleStateSchema),
            audience: Type35.Optional(AudienceSchema),
            category: Type35.Optional(Type35.String({ maxLength: 100 })),
            tag: Type35.Optional(Type35.String({ maxLength: 60 })),
            sort: Type35.Optional(
              Type35.Union(
                ["updatedAt", "-updatedAt", "title", "-title", "views", "-views"].map((s) => Type35.Literal(s))
              )
            ),
            ...Paging
          },
          { additionalProperties: false }
        ),
        response: { 200: PageOf(ArticleSummarySchema), ...errorResponses }
      }
    },
    (request) => queries.list(request.query)
  );
  app.post(
    "/kb/articles",
    {
      config: write,
      schema: {
        tags: tags17,
        summary: "Create an article (a draft); the key is made from the title unless given",
        body: ArticleInputSchema,
        response: { 201: ArticleSchema, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(await articles.create(request.body, request.actor, requestLocale(request)))
  );
  app.get(
    "/kb/articles/:id",
    {
      config: read,
      schema: {
        tags: tags17,
        summary: "An article with its body",
        params: IdParams,
        response: { 200: ArticleSchema, ...errorResponses }
      }
    },
    (request) => queries.get(request.params.id)
  );
  app.put(
    "/kb/articles/:id",
    {
      config: write,
      schema: {
        tags: tags17,
        summary: "Save a new revision of an article (optimistic concurrency on version)",
        params: IdParams,
        body: ArticleUpdateSchema,
        response: { 200: ArticleSchema, ...errorResponses }
      }
    },
    (request) => articles.update(request.params.id, request.body, request.actor, requestLocale(request))
  );
  app.post(
    "/kb/articles/:id/state",
    {
      config: write,
      schema: {
        tags: tags17,
        summary: "Move an article along its lifecycle: draft \u2192 review \u2192 published \u2192 archived (and back to draft)",
        params: IdParams,
        body: Type35.Object({ version: Version2, state: ArticleStateSchema }, { additionalProperties: false }),
        response: { 200: ArticleSchema, ...errorResponses }
      }
    },
    (request) => articles.setState(request.params.id, request.body.version, request.body.state, request.actor)
  );
  app.delete(
    "/kb/articles/:id",
    {
      config: write,
      schema: {
        tags: tags17,
        summary: "Delete an article that was never published (archive the others)",
        params: IdParams,
        querystring: Type35.Object({ version: Version2 }, { additionalProperties: false }),
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await articles.remove(request.params.id, request.query.version);
      return reply.status(204).send(null);
    }
  );
  app.get(
    "/kb/articles/:id/versions",
    {
      config: read,
      schema: {
        tags: tags17,
        summary: "Revisions of an article, newest first: what changed, who, when",
        params: IdParams,
        response: { 200: Type35.Object({ items: Type35.Array(VersionSummarySchema2) }), ...errorResponses }
      }
    },
    (request) => queries.versions(request.params.id)
  );
  app.get(
    "/kb/articles/:id/versions/:number",
    {
      config: read,
      schema: {
        tags: tags17,
        summary: "One revision of an article, whole",
        params: Type35.Object(
          { id: Type35.String({ format: "uuid" }), number: Type35.Integer({ minimum: 1 }) },
          { additionalProperties: false }
        ),
        response: { 200: VersionSchema2, ...errorResponses }
      }
    },
    (request) => queries.version(request.params.id, request.params.number)
  );
  app.post(
    "/kb/articles/:id/restore",
    {
      config: write,
      schema: {
        tags: tags17,
        summary: "Make an earlier revision the current text (as a new revision)",
        params: IdParams,
        body: Type35.Object({ version: Version2, from: Version2 }, { additionalProperties: false }),
        response: { 200: ArticleSchema, ...errorResponses }
      }
    },
    (request) => articles.restore(
      request.params.id,
      request.body.version,
      request.body.from,
      request.actor,
      requestLocale(request)
    )
  );
  app.get(
    "/kb/articles/:id/ratings",
    {
      config: read,
      schema: {
        tags: tags17,
        summary: "Answers to \xAB\u0411\u044B\u043B\u0430 \u043B\u0438 \u0441\u0442\u0430\u0442\u044C\u044F \u043F\u043E\u043B\u0435\u0437\u043D\u0430?\xBB with their comments, newest first",
        params: IdParams,
        querystring: Type35.Object({ ...Paging }, { additionalProperties: false }),
        response: { 200: PageOf(RatingSchema), ...errorResponses }
      }
    },
    (request) => queries.ratings(request.params.id, request.query.limit ?? 50, request.query.offset ?? 0)
  );
};

// server/src/modules/kb/category-routes.ts
import { Type as Type36 } from "@sinclair/typebox";
var tags18 = ["knowledge base"];
var categoryRoutes = async (app, { categories }) => {
  app.get(
    "/kb/categories",
    {
      config: { access: "public" },
      schema: {
        tags: tags18,
        summary: "All categories, with the number of published articles the caller may read in each",
        response: { 200: Type36.Object({ items: Type36.Array(CategorySchema) }), ...errorResponses }
      }
    },
    (request) => categories.list(request.actor)
  );
  app.post(
    "/kb/categories",
    {
      config: { access: kbEditors },
      schema: {
        tags: tags18,
        summary: "Create a category",
        body: CategoryInputSchema,
        response: { 201: CategorySchema, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(await categories.create(request.body, request.actor, requestLocale(request)))
  );
  app.put(
    "/kb/categories/:id",
    {
      config: { access: kbEditors },
      schema: {
        tags: tags18,
        summary: "Rename, move (never inside itself) or reorder a category",
        params: IdParams,
        body: CategoryUpdateSchema,
        response: { 200: CategorySchema, ...errorResponses }
      }
    },
    (request) => categories.update(request.params.id, request.body, requestLocale(request))
  );
  app.delete(
    "/kb/categories/:id",
    {
      config: { access: kbEditors },
      schema: {
        tags: tags18,
        summary: "Delete an empty category (409 while it holds articles or subcategories)",
        params: IdParams,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await categories.remove(request.params.id);
      return reply.status(204).send(null);
    }
  );
};

// server/src/modules/kb/kb-admin-routes.ts
import { Type as Type37 } from "@sinclair/typebox";
var tags19 = ["knowledge base"];
var SynonymsSchema = Type37.Object({
  items: Type37.Array(Type37.Object({ id: Type37.String(), terms: Type37.Array(Type37.String()) }))
});
var kbAdminRoutes = async (app, { synonyms, gaps }) => {
  const config3 = { access: kbEditors };
  app.get(
    "/kb/synonyms",
    {
      config: config3,
      schema: {
        tags: tags19,
        summary: "The synonyms list used by search",
        response: { 200: SynonymsSchema, ...errorResponses }
      }
    },
    () => synonyms.list()
  );
  app.put(
    "/kb/synonyms",
    {
      config: config3,
      schema: {
        tags: tags19,
        summary: "Replace the synonyms list (groups of words or phrases that mean the same)",
        body: Type37.Object(
          {
            groups: Type37.Array(Type37.Array(Type37.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }), {
              maxItems: 1e3
            })
          },
          { additionalProperties: false }
        ),
        response: { 200: SynonymsSchema, ...errorResponses }
      }
    },
    (request) => synonyms.save(request.body.groups, requestLocale(request))
  );
  app.get(
    "/kb/search-gaps",
    {
      config: config3,
      schema: {
        tags: tags19,
        summary: "Queries visitors typed that found nothing or no exact answer, most frequent first",
        querystring: Type37.Object(
          {
            ...Paging,
            kind: Type37.Optional(
              Type37.Union([Type37.Literal("zero"), Type37.Literal("weak")], {
                description: "`zero`: found nothing; `weak`: found only articles not covering the query"
              })
            )
          },
          { additionalProperties: false }
        ),
        response: {
          200: PageOf(
            Type37.Object({
              id: Type37.String(),
              query: Type37.String(),
              kind: Type37.Union([Type37.Literal("zero"), Type37.Literal("weak")]),
              count: Type37.Integer(),
              firstAt: Type37.String(),
              lastAt: Type37.String(),
              shown: Type37.Array(Type37.String(), {
                description: "Titles of the first articles shown last time"
              })
            })
          ),
          ...errorResponses
        }
      }
    },
    (request) => gaps.list(request.query.limit ?? 50, request.query.offset ?? 0, request.query.kind)
  );
  app.delete(
    "/kb/search-gaps/:id",
    {
      config: config3,
      schema: {
        tags: tags19,
        summary: "Remove a query from the report",
        params: IdParams,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await gaps.dismiss(request.params.id);
      return reply.status(204).send(null);
    }
  );
};

// server/src/modules/kb/category-tree.ts
function withDescendants(categories, id) {
  const result = [id];
  for (let i = 0; i < result.length; i++)
    for (const c of categories) if (c.parent_id === result[i] && !result.includes(c.id)) result.push(c.id);
  return result;
}
function pathTo(categories, id) {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path2 = [];
  let at = id ? byId.get(id) : void 0;
  while (at && !path2.includes(at)) {
    path2.unshift(at);
    at = at.parent_id ? byId.get(at.parent_id) : void 0;
  }
  return path2;
}
var wouldCycle = (categories, id, parentId) => parentId !== null && withDescendants(categories, id).includes(parentId);

// server/src/modules/kb/article-queries.ts
var sorts = {
  updatedAt: "a.updated_at asc",
  "-updatedAt": "a.updated_at desc",
  title: "a.title asc",
  "-title": "a.title desc",
  views: "a.views asc",
  "-views": "a.views desc"
};
var ArticleQueries = class {
  constructor(db, categories) {
    this.db = db;
    this.categories = categories;
  }
  db;
  categories;
  async list(query) {
    const where = ["true"];
    const params = [];
    const q = query.q?.trim().slice(0, 500);
    if (q) {
      where.push(`(a.search_vec @@ websearch_to_tsquery('russian', ?) or a.title ilike ? or a.key ilike ?)`);
      params.push(q, containsPattern(q), containsPattern(q));
    }
    if (query.state) where.push("a.state = ?") && params.push(query.state);
    if (query.audience) where.push("a.audience = ?") && params.push(query.audience);
    if (query.tag) where.push("a.tags @> array[?]::text[]") && params.push(query.tag.trim().toLowerCase());
    if (query.category) {
      const all = await this.categories.all();
      const category = all.find((c) => c.key === query.category || c.id === query.category);
      where.push("a.category_id = any(?::uuid[])");
      params.push(toPgArray(category ? withDescendants(all, category.id) : []));
    }
    const order = sorts[query.sort ?? "-updatedAt"];
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const rows = await this.db.query(
      `select ${summaryColumns}, count(*) over () as total from kb_article a where ${where.join(" and ")}
       order by ${order}, a.id limit ? offset ?`,
      [...params, limit, offset]
    );
    let total = Number(rows[0]?.total ?? 0);
    if (!rows.length && offset > 0)
      total = Number(
        (await this.db.query(
          `select count(*) as n from kb_article a where ${where.join(" and ")}`,
          params
        ))[0]?.n ?? 0
      );
    return { items: rows.map(summaryView), total, limit, offset };
  }
  async get(id, em) {
    const [row] = await this.db.query(
      `select ${summaryColumns}, a.body, a.body_text, a.related, a.created_at, a.created_by from kb_article a where a.id = ?`,
      [id],
      em
    );
    if (!row) throw fail.notFound(`kb article ${id}`);
    return this.full(row, em);
  }
  async full(row, em) {
    const ids2 = fromPgArray(row.related);
    const related = ids2.length ? await this.db.query(
      "select id, key, title from kb_article where id = any(?::uuid[])",
      [toPgArray(ids2)],
      em
    ) : [];
    return {
      ...summaryView(row),
      body: row.body,
      related: ids2.flatMap((id) => related.filter((r) => r.id === id)),
      createdAt: iso3(row.created_at),
      createdBy: row.created_by
    };
  }
  async versions(id) {
    await this.get(id);
    const rows = await this.db.query(
      `select number, title, state, change, saved_at, saved_by from kb_article_version where article_id = ? order by number desc`,
      [id]
    );
    return { items: rows.map(versionSummary) };
  }
  async version(id, number) {
    const [row] = await this.db.query("select * from kb_article_version where article_id = ? and number = ?", [id, number]);
    if (!row) throw fail.notFound(`kb article ${id} v${number}`);
    return {
      ...versionSummary(row),
      summary: row.summary,
      body: row.body,
      tags: fromPgArray(row.tags),
      categoryId: row.category_id,
      audience: row.audience
    };
  }
  async ratings(id, limit, offset) {
    await this.get(id);
    const rows = await this.db.query(
      `select r.id, r.helpful, r.comment, r.updated_at, u.name, count(*) over () as total
       from kb_rating r left join app_user u on u.id = r.user_id where r.article_id = ?
       order by r.updated_at desc, r.id limit ? offset ?`,
      [id, limit, offset]
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        helpful: r.helpful,
        comment: r.comment,
        by: r.name,
        at: iso3(r.updated_at)
      })),
      total: Number(rows[0]?.total ?? 0),
      limit,
      offset
    };
  }
};
var versionSummary = (row) => ({
  number: row.number,
  title: row.title,
  state: row.state,
  change: row.change,
  savedAt: iso3(row.saved_at),
  savedBy: row.saved_by
});

// server/src/modules/kb/article-service.ts
import { randomUUID as randomUUID17 } from "node:crypto";
import { searchTextLimit, slugFromTitle } from "@opora/runtime/definitions";

// server/src/modules/kb/article-rules.ts
var articleTransitions = {
  draft: ["review"],
  review: ["published", "draft"],
  published: ["archived", "draft"],
  archived: ["draft"]
};
var canMove = (from, to) => articleTransitions[from].includes(to);
function normalizeTags(tags31) {
  const seen = /* @__PURE__ */ new Set();
  for (const tag of tags31 ?? []) {
    const clean = tag.trim().toLowerCase().replace(/\s+/g, " ");
    if (clean) seen.add(clean);
  }
  return [...seen];
}

// server/src/modules/kb/search/search-words.ts
function searchWords(text2) {
  return (text2.toLowerCase().replace(/ё/g, "\u0435").match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= 60);
}
function vocabularyOf(text2) {
  return new Set(searchWords(text2).filter((w) => w.length >= 3 && w.length <= 30 && !/^\p{N}+$/u.test(w)));
}

// server/src/modules/kb/word-index.ts
var wordsOf = (text2) => text2 ? vocabularyOf([text2.title, text2.summary, text2.tags.join(" "), text2.bodyText].join(" ")) : /* @__PURE__ */ new Set();
async function updateVocabulary(db, tx, before, after) {
  const old = wordsOf(before);
  const next = wordsOf(after);
  const added = [...next].filter((w) => !old.has(w));
  const removed = [...old].filter((w) => !next.has(w));
  if (added.length)
    await db.query(
      `insert into kb_word (word, ndoc) select w, 1 from unnest(?::text[]) as w
       on conflict (word) do update set ndoc = kb_word.ndoc + 1`,
      [toPgArray(added)],
      tx
    );
  if (removed.length) {
    await db.query(
      "update kb_word set ndoc = ndoc - 1 where word = any(?::text[])",
      [toPgArray(removed)],
      tx
    );
    await db.query("delete from kb_word where ndoc <= 0 and word = any(?::text[])", [toPgArray(removed)], tx);
  }
}

// server/src/modules/kb/article-service.ts
var ArticleService = class {
  constructor(db, queries) {
    this.db = db;
    this.queries = queries;
  }
  db;
  queries;
  async create(input, actor, locale, em) {
    return this.insert({ ...input, state: "draft" }, actor, locale, em);
  }
  /**
   * Bundles and templates bring articles in their final state, by key: a new key is created in that state, a
   * known one gets the bundle's text and state as a new revision. Runs in the import's transaction.
   */
  async importArticle(input, actor, locale, em) {
    const [existing] = await this.db.query(
      "select id, state, version, published_at, title, summary, tags, body_text, audience from kb_article where key = ? for update",
      [input.key],
      em
    );
    if (!existing) return this.insert(input, actor, locale, em);
    const content = await this.content(em, input, locale, existing.id);
    await this.db.query(
      `update kb_article set title = ?, summary = ?, body = ?, body_text = ?, category_id = ?, tags = ?::text[],
       tags_text = ?, audience = ?, related = ?::uuid[], state = ?, version = version + 1, updated_at = now(), updated_by = ?,
       published_at = case when ? = 'published' then coalesce(published_at, now()) else published_at end
       where id = ?`,
      [...contentParams(content), input.state, actor?.name ?? null, input.state, existing.id],
      em
    );
    await updateVocabulary(
      this.db,
      em,
      searchable(rowText(existing)),
      searchable({ ...content.text, state: input.state, audience: content.audience })
    );
    await this.snapshot(em, existing.id, "edited", actor);
    return this.queries.get(existing.id, em);
  }
  async update(id, update, actor, locale) {
    return this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id, update.version);
      const content = await this.content(tx, update, locale, id);
      await this.db.query(
        `update kb_article set title = ?, summary = ?, body = ?, body_text = ?, category_id = ?, tags = ?::text[],
         tags_text = ?, audience = ?, related = ?::uuid[], version = version + 1, updated_at = now(), updated_by = ?
         where id = ?`,
        [...contentParams(content), actor?.name ?? null, id],
        tx
      );
      await updateVocabulary(
        this.db,
        tx,
        searchable(rowText(current)),
        searchable({ ...content.text, state: current.state, audience: content.audience })
      );
      await this.snapshot(tx, id, "edited", actor);
      return this.queries.get(id, tx);
    });
  }
  async setState(id, version, state, actor) {
    return this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id, version);
      if (!canMove(current.state, state)) throw fail.articleTransition(current.state, state);
      await this.db.query(
        `update kb_article set state = ?, version = version + 1, updated_at = now(), updated_by = ?,
         published_at = case when ? = 'published' then now() else published_at end where id = ?`,
        [state, actor?.name ?? null, state, id],
        tx
      );
      await updateVocabulary(
        this.db,
        tx,
        searchable(rowText(current)),
        searchable({ ...rowText(current), state })
      );
      await this.snapshot(tx, id, "state", actor);
      return this.queries.get(id, tx);
    });
  }
  /** Makes an earlier revision's text the current one, as a new revision; the state stays. */
  async restore(id, version, from, actor, locale) {
    const old = await this.queries.version(id, from);
    return this.update(
      id,
      {
        version,
        title: old.title,
        summary: old.summary,
        body: old.body,
        tags: old.tags,
        categoryId: old.categoryId,
        audience: old.audience,
        related: (await this.queries.get(id)).related.map((r) => r.id)
      },
      actor,
      locale
    ).then(async (article) => {
      await this.db.query(
        `update kb_article_version set change = 'restored' where article_id = ? and number = ?`,
        [id, article.version]
      );
      return article;
    });
  }
  /** Only an article that was never published disappears; a published one keeps its URL and is archived. */
  async remove(id, version) {
    await this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id, version);
      if (current.published_at !== null) throw fail.articleWasPublished();
      await this.db.query("delete from kb_article where id = ?", [id], tx);
    });
  }
  async insert(input, actor, locale, em) {
    const run = async (tx) => {
      const id = randomUUID17();
      const key2 = input.key ?? await this.freeKey(tx, input.title);
      if (input.key && (await this.db.query("select 1 from kb_article where key = ?", [key2], tx)).length)
        throw fail.duplicate(`kb article ${key2}`, "/key");
      const content = await this.content(tx, input, locale, id);
      await this.db.query(
        `insert into kb_article (title, summary, body, body_text, category_id, tags, tags_text, audience, related,
           id, key, state, published_at, created_by, updated_by)
         values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?::uuid[], ?, ?, ?, case when ? = 'published' then now() end, ?, ?)`,
        [
          ...contentParams(content),
          id,
          key2,
          input.state,
          input.state,
          actor?.name ?? null,
          actor?.name ?? null
        ],
        tx
      );
      await updateVocabulary(
        this.db,
        tx,
        null,
        searchable({ ...content.text, state: input.state, audience: content.audience })
      );
      await this.snapshot(tx, id, "created", actor);
      return this.queries.get(id, tx);
    };
    return em ? run(em) : this.db.transaction(run);
  }
  /** The stored form of an editor's input: sanitized HTML, its text, clean tags, checked category and links. */
  async content(tx, input, locale, selfId) {
    const body = sanitizeHtml(input.body);
    const tags31 = normalizeTags(input.tags);
    const related = [...new Set(input.related ?? [])].filter((r) => r !== selfId);
    if (input.categoryId) {
      const found = await this.db.query("select 1 from kb_category where id = ?", [input.categoryId], tx);
      if (!found.length)
        throw fail.validation([{ pointer: "/categoryId", message: input.categoryId, code: "reference" }]);
    }
    if (related.length) {
      const found = await this.db.query(
        "select id from kb_article where id = any(?::uuid[])",
        [toPgArray(related)],
        tx
      );
      const missing = related.filter((r) => !found.some((f) => f.id === r));
      if (missing.length)
        throw fail.validation(
          missing.map((m) => ({
            pointer: `/related/${related.indexOf(m)}`,
            code: "reference",
            message: locale === "en" ? `No article ${m}` : `\u041D\u0435\u0442 \u0441\u0442\u0430\u0442\u044C\u0438 ${m}`
          }))
        );
    }
    const text2 = {
      title: input.title.trim(),
      summary: (input.summary ?? "").trim(),
      tags: tags31,
      // What the search index reads: PostgreSQL's tsvector holds no more (see searchTextLimit).
      bodyText: htmlToText(body).slice(0, searchTextLimit)
    };
    return {
      body,
      tags: tags31,
      related,
      categoryId: input.categoryId ?? null,
      audience: input.audience ?? "public",
      text: text2
    };
  }
  async freeKey(tx, title) {
    const base = slugFromTitle(title) || "article";
    const taken = new Set(
      (await this.db.query(
        "select key from kb_article where key = ? or key like ?",
        [base, `${base}-%`],
        tx
      )).map((r) => r.key)
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
  async lock(tx, id, version) {
    const [row] = await this.db.query(
      "select id, state, version, published_at, title, summary, tags, body_text, audience from kb_article where id = ? for update",
      [id],
      tx
    );
    if (!row) throw fail.notFound(`kb article ${id}`);
    if (row.version !== version) throw fail.versionConflict(version, row.version);
    return row;
  }
  async snapshot(tx, id, change, actor) {
    await this.db.query(
      `insert into kb_article_version (article_id, number, title, summary, body, tags, category_id, audience, state, change, saved_by)
       select id, version, title, summary, body, tags, category_id, audience, state, ?, ? from kb_article where id = ?`,
      [change, actor?.name ?? null, id],
      tx
    );
  }
};
var contentParams = (c) => [
  c.text.title,
  c.text.summary,
  c.body,
  c.text.bodyText,
  c.categoryId,
  toPgArray(c.tags),
  c.tags.join(" "),
  c.audience,
  toPgArray(c.related)
];
var rowText = (row) => ({
  title: row.title,
  summary: row.summary,
  tags: fromPgArray(row.tags),
  bodyText: row.body_text,
  state: row.state,
  audience: row.audience
});
var searchable = (text2) => text2.state === "published" && text2.audience !== "staff" ? text2 : null;

// server/src/modules/kb/category-service.ts
import { randomUUID as randomUUID18 } from "node:crypto";
var columns2 = "id, key, title, description, parent_id, position";
var CategoryService = class {
  constructor(db) {
    this.db = db;
  }
  db;
  all(em) {
    return this.db.query(`select ${columns2} from kb_category order by position, key`, [], em);
  }
  /** The tree with the number of published articles the caller may read in each category and below. */
  async list(actor) {
    const categories = await this.all();
    const counts = await this.db.query(
      `select category_id, count(*) as n from kb_article
       where state = 'published' and audience = any(?::text[]) and category_id is not null group by category_id`,
      [audienceParam(actor)]
    );
    const own = new Map(counts.map((c) => [c.category_id, Number(c.n)]));
    return {
      items: categories.map((c) => ({
        ...view2(c),
        articleCount: withDescendants(categories, c.id).reduce((sum, id) => sum + (own.get(id) ?? 0), 0)
      }))
    };
  }
  async byKey(key2, em) {
    return (await this.db.query(`select ${columns2} from kb_category where key = ?`, [key2], em))[0];
  }
  async create(input, _actor, locale, em) {
    const run = async (tx) => {
      if (await this.byKey(input.key, tx)) throw fail.duplicate(`kb category ${input.key}`, "/key");
      await this.checkParent(tx, null, input.parentId ?? null, locale);
      const id = randomUUID18();
      await this.db.query(
        `insert into kb_category (id, key, title, description, parent_id, position) values (?, ?, ?::jsonb, ?::jsonb, ?, ?)`,
        [
          id,
          input.key,
          JSON.stringify(input.title),
          input.description ? JSON.stringify(input.description) : null,
          input.parentId ?? null,
          input.position ?? await this.nextPosition(tx, input.parentId ?? null)
        ],
        tx
      );
      return this.get(tx, id);
    };
    return em ? run(em) : this.db.transaction(run);
  }
  async update(id, input, locale) {
    return this.db.transaction(async (tx) => {
      await this.get(tx, id);
      await this.checkParent(tx, id, input.parentId ?? null, locale);
      await this.db.query(
        `update kb_category set title = ?::jsonb, description = ?::jsonb, parent_id = ?, position = coalesce(?, position),
         updated_at = now() where id = ?`,
        [
          JSON.stringify(input.title),
          input.description ? JSON.stringify(input.description) : null,
          input.parentId ?? null,
          input.position ?? null,
          id
        ],
        tx
      );
      return this.get(tx, id);
    });
  }
  /** Refused while anything is filed under the category, so no article loses its place silently. */
  async remove(id) {
    await this.db.transaction(async (tx) => {
      await this.get(tx, id);
      const [use] = await this.db.query(
        `select (select count(*) from kb_article where category_id = ?) as articles,
                (select count(*) from kb_category where parent_id = ?) as children`,
        [id, id],
        tx
      );
      if (Number(use?.articles) || Number(use?.children))
        throw fail.categoryInUse(Number(use?.articles), Number(use?.children));
      await this.db.query("delete from kb_category where id = ?", [id], tx);
    });
  }
  async get(em, id) {
    const [row] = await this.db.query(
      `select ${columns2} from kb_category where id = ?`,
      [id],
      em
    );
    if (!row) throw fail.notFound(`kb category ${id}`);
    return { ...view2(row), articleCount: 0 };
  }
  async checkParent(em, id, parentId, locale) {
    if (parentId === null) return;
    const categories = await this.all(em);
    if (!categories.some((c) => c.id === parentId))
      throw fail.validation([{ pointer: "/parentId", message: parentId, code: "reference" }]);
    if (id && wouldCycle(categories, id, parentId))
      throw fail.validation([
        {
          pointer: "/parentId",
          code: "cycle",
          message: locale === "en" ? "A category cannot be moved inside itself" : "\u0420\u0430\u0437\u0434\u0435\u043B \u043D\u0435\u043B\u044C\u0437\u044F \u043F\u0435\u0440\u0435\u043D\u0435\u0441\u0442\u0438 \u0432\u043D\u0443\u0442\u0440\u044C \u0441\u0430\u043C\u043E\u0433\u043E \u0441\u0435\u0431\u044F"
        }
      ]);
  }
  async nextPosition(em, parentId) {
    const [row] = await this.db.query(
      "select coalesce(max(position), 0) + 1 as next from kb_category where parent_id is not distinct from ?",
      [parentId],
      em
    );
    return Number(row?.next ?? 1);
  }
};
var view2 = (row) => ({
  id: row.id,
  key: row.key,
  title: jsonValue(row.title),
  description: jsonValue(row.description),
  parentId: row.parent_id,
  position: row.position
});

// server/src/modules/kb/portal-kb-service.ts
import { randomUUID as randomUUID19 } from "node:crypto";
var PortalKbService = class {
  constructor(db, categories) {
    this.db = db;
    this.categories = categories;
  }
  db;
  categories;
  async list(query, actor) {
    const where = [`a.state = 'published'`, "a.audience = any(?::text[])"];
    const params = [audienceParam(actor)];
    if (query.category) {
      const all = await this.categories.all();
      const category = all.find((c) => c.key === query.category);
      if (!category) throw fail.notFound(`kb category ${query.category}`);
      where.push("a.category_id = any(?::uuid[])");
      params.push(toPgArray(withDescendants(all, category.id)));
    }
    if (query.tag) where.push("a.tags @> array[?]::text[]") && params.push(query.tag.trim().toLowerCase());
    const order = query.sort === "recent" ? "a.published_at desc nulls last" : "a.popularity desc";
    const limit = query.limit ?? 10;
    const offset = query.offset ?? 0;
    const rows = await this.db.query(
      `select ${summaryColumns}, count(*) over () as total from kb_article a where ${where.join(" and ")}
       order by ${order}, a.id limit ? offset ?`,
      [...params, limit, offset]
    );
    return { items: rows.map(summaryView), total: Number(rows[0]?.total ?? 0), limit, offset };
  }
  async article(key2, actor, visitor) {
    const row = await this.visible(key2, actor);
    const categories = await this.categories.all();
    const breadcrumbs = pathTo(categories, row.category_id).map((c) => ({
      key: c.key,
      title: jsonValue(c.title)
    }));
    const ids2 = fromPgArray(row.related);
    const related = ids2.length ? await this.db.query(
      `select id, key, title from kb_article where id = any(?::uuid[]) and state = 'published' and audience = any(?::text[])`,
      [toPgArray(ids2), audienceParam(actor)]
    ) : [];
    const [mine] = visitor ? await this.db.query(
      "select helpful from kb_rating where article_id = ? and visitor = ?",
      [row.id, visitor]
    ) : [];
    return {
      id: row.id,
      key: row.key,
      title: row.title,
      summary: row.summary,
      body: row.body,
      tags: fromPgArray(row.tags),
      category: breadcrumbs.at(-1) ?? null,
      breadcrumbs,
      related: ids2.flatMap((id) => related.filter((r) => r.id === id)),
      views: Number(row.views),
      helpful: row.helpful,
      notHelpful: row.not_helpful,
      updatedAt: iso3(row.updated_at),
      myRating: mine ? mine.helpful : null
    };
  }
  async recordView(key2, actor) {
    const rows = await this.db.query(
      // SET expressions see the row before the update, hence views + 1 inside the popularity.
      `update kb_article set views = views + 1, popularity = ${popularityOf("views + 1", "helpful", "not_helpful")}
       where key = ? and state = 'published' and audience = any(?::text[]) returning id`,
      [key2, audienceParam(actor)]
    );
    if (!rows.length) throw fail.notFound(`kb article ${key2}`);
  }
  /** One answer per visitor and article: a second one replaces the first; the counters follow in the same transaction. */
  async rate(key2, input, actor, visitor) {
    const row = await this.visible(key2, actor);
    return this.db.transaction(async (tx) => {
      await this.db.query(
        `insert into kb_rating (id, article_id, visitor, user_id, helpful, comment) values (?, ?, ?, ?, ?, ?)
         on conflict (article_id, visitor) do update set helpful = excluded.helpful,
           comment = coalesce(excluded.comment, kb_rating.comment), updated_at = now()`,
        [randomUUID19(), row.id, visitor, actor?.id ?? null, input.helpful, input.comment?.trim() || null],
        tx
      );
      const [counts] = await this.db.query(
        `update kb_article a set helpful = c.yes, not_helpful = c.no,
           popularity = ${popularityOf("a.views", "c.yes", "c.no")}
         from (select count(*) filter (where helpful)::int as yes, count(*) filter (where not helpful)::int as no
               from kb_rating where article_id = ?) c
         where a.id = ? returning a.helpful, a.not_helpful`,
        [row.id, row.id],
        tx
      );
      return { helpful: counts.helpful, notHelpful: counts.not_helpful };
    });
  }
  /** Published articles the caller may read, by key; the same 404 whether missing, unpublished or not theirs. */
  async visible(key2, actor) {
    const [row] = await this.db.query(
      `select ${summaryColumns}, a.body, a.body_text, a.related, a.created_at, a.created_by from kb_article a
       where a.key = ? and a.state = 'published' and a.audience = any(?::text[])`,
      [key2, audienceParam(actor)]
    );
    if (!row) throw fail.notFound(`kb article ${key2}`);
    return row;
  }
};

// server/src/modules/kb/search/search-gaps.ts
import { randomUUID as randomUUID20 } from "node:crypto";
var shownKept = 3;
var SearchGaps = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async record(query, normalized, kind = "zero", shown = []) {
    if (!normalized) return;
    await this.db.query(
      `insert into kb_search_gap (id, query_norm, query, kind, shown) values (?, ?, ?, ?, ?::text[])
       on conflict (query_norm) do update set count = kb_search_gap.count + 1, last_at = now(), query = excluded.query,
         kind = excluded.kind, shown = excluded.shown`,
      [
        randomUUID20(),
        normalized.slice(0, 300),
        query.trim().slice(0, 300),
        kind,
        toPgArray(shown.slice(0, shownKept).map((t) => t.slice(0, 300)))
      ]
    );
  }
  async list(limit, offset, kind) {
    const rows = await this.db.query(
      `select id, query, kind, count, first_at, last_at, shown, count(*) over () as total from kb_search_gap
       where (?::text is null or kind = ?::text)
       order by count desc, last_at desc, id limit ? offset ?`,
      [kind ?? null, kind ?? null, limit, offset]
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        query: r.query,
        kind: r.kind,
        count: r.count,
        firstAt: iso3(r.first_at),
        lastAt: iso3(r.last_at),
        shown: fromPgArray(r.shown)
      })),
      total: Number(rows[0]?.total ?? 0),
      limit,
      offset
    };
  }
  async dismiss(id) {
    const rows = await this.db.query("delete from kb_search_gap where id = ? returning id", [id]);
    if (!rows.length) throw fail.notFound(`search gap ${id}`);
  }
};

// server/src/modules/kb/search/tsquery-text.ts
var quote = (lexeme) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
var alternative = (lexemes) => lexemes.length === 1 ? quote(lexemes[0]) : `(${lexemes.map(quote).join(" <-> ")})`;
function tsqueryText(groups, joiner = "&") {
  return groups.filter((g) => g.length).map((g) => g.length === 1 ? alternative(g[0]) : `(${g.map(alternative).join(" | ")})`).join(` ${joiner} `);
}

// server/src/modules/kb/search/coverage.ts
var placeWeights = { title: 1, head: 0.8, body: 0.5 };
var answerThreshold = 0.5;
function evenCoverage(groups) {
  return { terms: groups.map((g) => tsqueryText([g])), weights: groups.map(() => 1), allTermsPresent: true };
}
var dfCap = 200;
async function weightedCoverage(db, groups, filter, articles) {
  const terms = groups.map((g) => tsqueryText([g]));
  const found = await Promise.all(
    terms.map(async (term) => {
      const [row] = await db.query(
        `select count(*) as n from (select 1 from kb_article a where ${filter.sql} and a.search_vec @@ ?::tsquery
         limit ${dfCap}) s`,
        [...filter.params, term]
      );
      return Number(row?.n ?? 0);
    })
  );
  const n = Math.max(articles, ...found, 1);
  const weights = found.map((df) => Math.log(1 + n / Math.max(df, 1)));
  return { coverage: { terms, weights, allTermsPresent: false }, found };
}
function coverageSql(coverage) {
  const body = coverage.allTermsPresent ? "true" : "a.search_vec @@ t.q";
  const total = coverage.weights.reduce((sum, w) => sum + w, 0) || 1;
  return `(select coalesce(sum(x.weights[t.i] * case when a.title_vec @@ t.q then ${placeWeights.title}
      when a.head_vec @@ t.q then ${placeWeights.head} when ${body} then ${placeWeights.body} else 0 end), 0)
    from unnest(x.terms) with ordinality as t(q, i)) / ${total.toFixed(6)}`;
}

// server/src/modules/kb/search/highlight.ts
var markStart = "";
var markStop = "";
function highlightParts(text2) {
  const parts = [];
  for (const [i, chunk] of text2.split(markStart).entries()) {
    const [match, rest] = i === 0 ? [void 0, chunk] : splitOnce(chunk, markStop);
    if (match) parts.push({ text: match, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return merge(parts);
}
function splitOnce(text2, separator) {
  const at = text2.indexOf(separator);
  return at < 0 ? [text2, ""] : [text2.slice(0, at), text2.slice(at + separator.length)];
}
function merge(parts) {
  const merged = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.match === part.match) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

// server/src/modules/kb/search/query-fillers.ts
var fillers = /* @__PURE__ */ new Set([
  "\u043C\u043E\u0433\u0443",
  "\u043C\u043E\u0436\u0435\u043C",
  "\u043C\u043E\u0436\u0435\u0442\u0435",
  "\u043C\u043E\u0433\u0443\u0442",
  "\u0441\u043C\u043E\u0433\u0443",
  "\u043F\u043E\u043B\u0443\u0447\u0430\u0435\u0442\u0441\u044F",
  "\u0445\u043E\u0447\u0443",
  "\u0445\u043E\u0442\u0438\u043C",
  "\u0445\u043E\u0442\u0435\u043B",
  "\u0445\u043E\u0442\u0435\u043B\u0430",
  "\u043D\u0443\u0436\u043D\u043E",
  "\u043D\u0443\u0436\u0435\u043D",
  "\u043D\u0443\u0436\u043D\u0430",
  "\u043F\u043E\u0434\u0441\u043A\u0430\u0436\u0438\u0442\u0435",
  "\u043F\u043E\u0434\u0441\u043A\u0430\u0436\u0438",
  "\u043F\u043E\u043C\u043E\u0433\u0438\u0442\u0435",
  "\u043F\u043E\u043C\u043E\u0433\u0438",
  "\u0441\u043A\u0430\u0436\u0438\u0442\u0435",
  "\u043F\u043E\u0436\u0430\u043B\u0443\u0439\u0441\u0442\u0430",
  "\u043F\u043E\u0436\u0430\u043B\u0443\u0439\u0441\u0442\u043E",
  "\u043F\u0436\u043B\u0441\u0442",
  "\u043F\u043B\u0438\u0437",
  "\u043F\u043E\u0447\u0435\u043C\u0443",
  "\u0432\u043E\u043E\u0431\u0449\u0435",
  "\u043E\u0447\u0435\u043D\u044C",
  "\u043F\u0440\u043E\u0441\u0442\u043E",
  "\u0434\u0435\u043B\u0430\u0442\u044C",
  "\u0441\u0434\u0435\u043B\u0430\u0442\u044C",
  "\u043B\u0438"
]);
function withoutFillers(words) {
  const kept = words.filter((w) => !fillers.has(w.word));
  return kept.length ? kept : [...words];
}

// server/src/modules/kb/search/query-terms.ts
var maxQueryChars = 300;
var maxWords = 12;
var queryWords = (q) => searchWords(q.slice(0, maxQueryChars)).slice(0, maxWords);
async function stemWords(db, words) {
  if (!words.length) return [];
  const rows = await db.query(
    `select t.ord, array(select lexeme from unnest(to_tsvector('russian', t.word)) order by positions[1]) as lexemes
     from unnest(?::text[]) with ordinality as t(word, ord) order by t.ord`,
    [toPgArray(words)]
  );
  return rows.map((r, i) => ({ word: words[i], lexemes: fromPgArray(r.lexemes) }));
}

// server/src/modules/kb/search/search-plan.ts
import { performance as performance3 } from "node:perf_hooks";
var broadThreshold = 2e3;
var broadShare = 0.05;
var maxBroadOffset = 500;
async function isBroad(db, query, filter) {
  const [estimate, articles] = await Promise.all([estimateMatches(db, query, filter), tableSize(db)]);
  const large = estimate > broadThreshold;
  const largeShare = estimate > 200 && articles > 0 && estimate > articles * broadShare;
  return { broad: large || largeShare, estimate };
}
var sizeCache;
async function tableSize(db) {
  if (sizeCache && performance3.now() - sizeCache.at < 6e4) return sizeCache.rows;
  const [row] = await db.query(
    `select reltuples as rows from pg_class where relname = 'kb_article'`
  );
  sizeCache = { at: performance3.now(), rows: Number(row?.rows ?? -1) };
  return sizeCache.rows;
}
async function estimateMatches(db, query, filter) {
  const rows = await db.query(
    `explain (format json) select 1 from kb_article a, (select ?::tsquery as q) x
     where ${filter.sql} and a.search_vec @@ x.q`,
    [query, ...filter.params]
  );
  const plan = Object.values(rows[0] ?? {})[0];
  const parsed3 = typeof plan === "string" ? JSON.parse(plan) : plan;
  return parsed3[0]?.Plan["Plan Rows"] ?? 0;
}
async function rankAll(db, query, filter, phrase, limit, offset, coverage) {
  const rows = await db.query(
    `select a.id, count(*) over () as total, max(c.cov) over () as best
     from kb_article a, (select ?::tsquery as q, ?::tsquery[] as terms, ?::float8[] as weights) x,
       lateral (select ${coverageSql(coverage)} as cov) c
     where ${filter.sql} and a.search_vec @@ x.q
     order by (replace(lower(a.title), '\u0451', '\u0435') like ?) desc, c.cov + ${rankShare} * ts_rank(a.head_vec, x.q, 1) desc,
       a.popularity desc, a.id
     limit ? offset ?`,
    [
      query,
      toPgArray(coverage.terms),
      `{${coverage.weights.map((w) => w.toFixed(6)).join(",")}}`,
      ...filter.params,
      phrase ? `%${phrase}%` : "",
      limit,
      offset
    ]
  );
  return {
    ids: rows.map((r) => r.id),
    total: Number(rows[0]?.total ?? 0),
    best: Number(rows[0]?.best ?? 0)
  };
}
var rankShare = 0.1;
var tiers = [
  "a.title_vec @@ x.q",
  "a.head_vec @@ x.q and not (a.title_vec @@ x.q)",
  "a.search_vec @@ x.q and not (a.head_vec @@ x.q)"
];
var firstWalk = 500;
var longWalk = 5e3;
async function rankByTiers(db, query, filter, limit, offset) {
  const need = offset + limit;
  const collected = [];
  for (const tier of tiers) {
    const want = need - collected.length;
    collected.push(...await tierIds(db, query, filter, tier, want));
    if (collected.length >= need) return { ids: collected.slice(offset, need), exhausted: false };
  }
  return { ids: collected.slice(offset, need), exhausted: true };
}
async function tierIds(db, query, filter, tier, want) {
  const sample = await tierPage(db, query, filter, tier, want, firstWalk);
  if (sample.length >= want) return sample;
  const longWalkFills = sample.length > 0 && want * firstWalk / sample.length <= longWalk;
  if (longWalkFills) {
    const walked = await tierPage(db, query, filter, tier, want, longWalk);
    if (walked.length >= want) return walked;
  }
  return tierPage(db, query, filter, tier, want, null);
}
async function tierPage(db, query, filter, tier, want, within) {
  const source = within === null ? "kb_article a" : `(select * from kb_article a where a.state = 'published' order by a.popularity desc, a.id limit ${within}) a`;
  const rows = await db.query(
    `select a.id from ${source}, (select ?::tsquery as q) x where ${filter.sql} and ${tier}
     order by a.popularity desc, a.id limit ?`,
    [query, ...filter.params, want]
  );
  return rows.map((r) => r.id);
}

// server/src/modules/kb/search/synonym-expansion.ts
function expandSynonyms(lexemes, synonyms) {
  const terms = synonyms.flatMap((set) => set.map((term) => ({ term, set }))).filter(({ term }) => term.length).sort((a, b) => b.term.length - a.term.length);
  const groups = [];
  for (let i = 0; i < lexemes.length; ) {
    const hit = terms.find(({ term }) => term.every((lexeme, k) => lexemes[i + k] === lexeme));
    if (hit) {
      groups.push(dedupe(hit.set));
      i += hit.term.length;
    } else {
      groups.push([[lexemes[i]]]);
      i += 1;
    }
  }
  return groups;
}
function dedupe(set) {
  const seen = /* @__PURE__ */ new Set();
  return set.filter((term) => {
    const key2 = term.join(" ");
    if (!term.length || seen.has(key2)) return false;
    seen.add(key2);
    return true;
  });
}
function isSynonymTerm(lexemes, synonyms) {
  return lexemes.length > 0 && synonyms.some(
    (set) => set.some((term) => term.length === lexemes.length && term.every((l, i) => l === lexemes[i]))
  );
}

// server/src/modules/kb/search/edit-distance.ts
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    previous = current;
  }
  return previous[b.length];
}
var closeEnough = (typed, known2) => editDistance(typed, known2) <= (typed.length <= 5 ? 1 : 2);

// server/src/modules/kb/search/typo-correction.ts
async function correctTypos(db, words) {
  const candidates = words.filter((w) => w.lexemes.length && w.word.length >= 4 && !/\p{N}/u.test(w.word));
  const known2 = await Promise.all(candidates.map((w) => inSomeArticle(db, w)));
  const unknown = candidates.filter((_, i) => !known2[i]).map((w) => w.word);
  if (!unknown.length) return /* @__PURE__ */ new Map();
  const rows = await db.query(
    `select g.word, array(select w.word from kb_word w where w.word % g.word and w.word <> g.word
             order by similarity(w.word, g.word) desc, w.ndoc desc, w.word limit 5) as fixes
     from unnest(?::text[]) as g(word)`,
    [toPgArray(unknown)]
  );
  return new Map(
    rows.flatMap((r) => {
      const fix = fromPgArray(r.fixes).find((known3) => closeEnough(r.word, known3));
      return fix ? [[r.word, fix]] : [];
    })
  );
}
async function inSomeArticle(db, word) {
  const [row] = await db.query(
    `select exists (select 1 from kb_article a where a.state = 'published' and a.search_vec @@ ?::tsquery) as found`,
    [tsqueryText([[word.lexemes]])]
  );
  return Boolean(row?.found);
}

// server/src/modules/kb/search/search-service.ts
var headline = (extra) => `StartSel=${markStart}, StopSel=${markStop}, ${extra}`;
var titleHeadline = headline("HighlightAll=true");
var bodyHeadline = headline(
  'MaxFragments=2, MinWords=10, MaxWords=26, ShortWord=2, FragmentDelimiter=" \u2026 "'
);
var SearchService = class {
  constructor(db, categories, synonyms, gaps) {
    this.db = db;
    this.categories = categories;
    this.synonyms = synonyms;
    this.gaps = gaps;
  }
  db;
  categories;
  synonyms;
  gaps;
  /**
   * `recordGaps: false` for searches nobody typed (articles suggested from a dialog's messages): those are no
   * visitor's unanswered question.
   */
  async search(input, actor, options4 = {}) {
    const gapsOf = options4.recordGaps === false ? null : input;
    const limit = input.limit ?? 10;
    const offset = input.offset ?? 0;
    const empty = {
      items: [],
      total: 0,
      totalIsEstimate: false,
      limit,
      offset,
      correctedQuery: null,
      exactAnswer: false
    };
    const words = queryWords(input.q);
    const filter = await this.filter(input, actor);
    if (!words.length || !filter) return this.nothing(gapsOf, words, empty);
    const sets = await this.synonyms.sets();
    let stemmed = withoutFillers(await stemWords(this.db, words));
    const fixes = await correctTypos(
      this.db,
      stemmed.filter((w) => !isSynonymTerm(w.lexemes, sets))
    );
    let correctedQuery = null;
    if (fixes.size) {
      const fixed = words.map((w) => fixes.get(w) ?? w);
      stemmed = withoutFillers(await stemWords(this.db, fixed));
      correctedQuery = fixed.join(" ");
    }
    const lexemes = stemmed.flatMap((w) => w.lexemes);
    const groups = lexemes.length ? expandSynonyms(lexemes, sets) : [];
    if (!groups.length) return this.nothing(gapsOf, words, empty);
    const phrase = words.length > 1 ? correctedQuery ?? words.join(" ") : "";
    let query = tsqueryText(groups);
    let page = await this.rank(query, filter, phrase, limit, offset, evenCoverage(groups));
    let exactAnswer = page.total > 0 && (page.best ?? 1) >= answerThreshold;
    const meaningful = groups.filter(
      (g) => g.some((alt) => alt.join("").length >= 3 && !/^\d+$/.test(alt.join("")))
    );
    if (!page.total && meaningful.length > 1) {
      const articles = await tableSize(this.db);
      const { coverage, found } = await weightedCoverage(this.db, meaningful, filter, articles);
      const present = meaningful.filter((_, i) => found[i] > 0);
      if (present.length) {
        query = tsqueryText(present, "|");
        page = await this.rank(query, filter, phrase, limit, offset, coverage);
        exactAnswer = page.best !== null && page.best >= answerThreshold;
      }
    }
    if (!page.total) return this.nothing(gapsOf, words, { ...empty, correctedQuery });
    const items = await this.hits(query, page.ids);
    if (!exactAnswer && gapsOf && this.firstUnfilteredPage(gapsOf))
      await this.gaps.record(
        input.q,
        words.join(" "),
        "weak",
        items.slice(0, shownKept).map((hit) => hit.title.map((part) => part.text).join(""))
      );
    return {
      items,
      total: page.total,
      totalIsEstimate: page.estimate,
      limit,
      offset,
      correctedQuery,
      exactAnswer
    };
  }
  /**
   * Exact ranking when few articles match, with the best coverage among them; tiered ranking by popularity
   * when very many do (best unknown: `null`).
   */
  async rank(query, filter, phrase, limit, offset, coverage) {
    const { broad, estimate } = await isBroad(this.db, query, filter);
    if (!broad)
      return {
        ...await rankAll(this.db, query, filter, phrase, limit, offset, coverage),
        estimate: false
      };
    if (offset > maxBroadOffset) return { ids: [], total: estimate, estimate: true, best: null };
    const ranked = await rankByTiers(this.db, query, filter, limit, offset);
    return ranked.exhausted ? { ids: ranked.ids, total: offset + ranked.ids.length, estimate: false, best: null } : { ids: ranked.ids, total: Math.max(estimate, offset + limit + 1), estimate: true, best: null };
  }
  /** Titles starting like what is typed (the last word as a prefix), most read first. */
  async suggest(q, actor, limit = 8) {
    const words = queryWords(q);
    if (!words.length || q.trim().length < 2) return { items: [] };
    const text2 = words.map((w, i) => `'${w}'${i === words.length - 1 ? ":*" : ""}`).join(" & ");
    const rows = await this.db.query(
      `select a.key, a.title, a.category_id from kb_article a, (select to_tsquery('russian', ?) as q) x
       where a.state = 'published' and a.audience = any(?::text[]) and a.title_vec @@ x.q
       order by a.popularity desc, a.id limit ?`,
      [text2, audienceParam(actor), limit]
    );
    return { items: rows.map((r) => ({ key: r.key, title: r.title, categoryId: r.category_id })) };
  }
  async filter(input, actor) {
    const filter = {
      sql: `a.state = 'published' and a.audience = any(?::text[])`,
      params: [audienceParam(actor)]
    };
    if (input.category) {
      const all = await this.categories.all();
      const category = all.find((c) => c.key === input.category);
      if (!category) return null;
      filter.sql += " and a.category_id = any(?::uuid[])";
      filter.params.push(toPgArray(withDescendants(all, category.id)));
    }
    if (input.tag) {
      filter.sql += " and a.tags @> array[?]::text[]";
      filter.params.push(input.tag.trim().toLowerCase());
    }
    return filter;
  }
  /** An empty answer; the first page of an unfiltered search that found nothing is a content gap. */
  async nothing(input, words, result) {
    if (input && this.firstUnfilteredPage(input) && words.length)
      await this.gaps.record(input.q, words.join(" "));
    return result;
  }
  /** Only what a visitor typed into the plain search counts as a gap, once (not per page or filter). */
  firstUnfilteredPage(input) {
    return !input.offset && !input.category && !input.tag;
  }
  async hits(query, ids2) {
    if (!ids2.length) return [];
    const rows = await this.db.query(
      `select a.id, a.key, a.summary, a.category_id, a.tags, a.updated_at,
         ts_headline('russian', a.title, x.q, ?) as title_hl, ts_headline('russian', a.body_text, x.q, ?) as snippet
       from kb_article a, (select ?::tsquery as q) x where a.id = any(?::uuid[])`,
      [titleHeadline, bodyHeadline, query, toPgArray(ids2)]
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids2.flatMap((id) => {
      const r = byId.get(id);
      return r ? [
        {
          id: r.id,
          key: r.key,
          title: highlightParts(r.title_hl),
          snippet: highlightParts(r.snippet),
          summary: r.summary,
          categoryId: r.category_id,
          tags: fromPgArray(r.tags),
          updatedAt: new Date(r.updated_at).toISOString()
        }
      ] : [];
    });
  }
};

// server/src/modules/kb/search/synonym-service.ts
import { randomUUID as randomUUID21 } from "node:crypto";
import { performance as performance4 } from "node:perf_hooks";
var cacheMs = 3e4;
var SynonymService = class {
  constructor(db) {
    this.db = db;
  }
  db;
  cache;
  async list() {
    const rows = await this.db.query(
      "select id, terms, lexemes from kb_synonym order by position"
    );
    return { items: rows.map((r) => ({ id: r.id, terms: fromPgArray(r.terms) })) };
  }
  /** Replaces the whole list in one transaction; a group needs two different terms. */
  async save(groups, locale, em) {
    const clean = groups.map((g) => [
      ...new Set(g.map((t) => t.trim().toLowerCase().replace(/\s+/g, " ")).filter(Boolean))
    ]);
    const problems = clean.flatMap(
      (g, i) => g.length < 2 ? [
        {
          pointer: `/groups/${i}`,
          code: "too_short",
          message: locale === "en" ? "A group needs at least two different terms" : "\u0412 \u0433\u0440\u0443\u043F\u043F\u0435 \u043D\u0443\u0436\u043D\u043E \u0445\u043E\u0442\u044F \u0431\u044B \u0434\u0432\u0430 \u0440\u0430\u0437\u043D\u044B\u0445 \u0441\u043B\u043E\u0432\u0430"
        }
      ] : []
    );
    if (problems.length) throw fail.validation(problems);
    const run = async (tx) => {
      await this.db.query("delete from kb_synonym", [], tx);
      for (const [position, terms] of clean.entries())
        await this.db.query(
          `insert into kb_synonym (id, position, terms, lexemes)
           select ?, ?, ?::text[], array(select array_to_string(array(
             select lexeme from unnest(to_tsvector('russian', t)) order by positions[1]), ' ') from unnest(?::text[]) as t)`,
          [randomUUID21(), position, toPgArray(terms), toPgArray(terms)],
          tx
        );
    };
    if (em) await run(em);
    else await this.db.transaction(run);
    this.cache = void 0;
    return em ? { items: [] } : this.list();
  }
  /** The groups as lexeme sequences, for query expansion. */
  async sets() {
    if (this.cache && performance4.now() - this.cache.at < cacheMs) return this.cache.sets;
    const rows = await this.db.query(
      "select id, terms, lexemes from kb_synonym order by position"
    );
    const sets = rows.map(
      (r) => fromPgArray(r.lexemes).map((l) => l.split(" ").filter(Boolean)).filter((l) => l.length)
    );
    this.cache = { at: performance4.now(), sets };
    return sets;
  }
};

// server/src/modules/kb/knowledge-base.ts
function createKnowledgeBase(db) {
  const categories = new CategoryService(db);
  const queries = new ArticleQueries(db, categories);
  const synonyms = new SynonymService(db);
  const gaps = new SearchGaps(db);
  return {
    categories,
    queries,
    articles: new ArticleService(db, queries),
    portal: new PortalKbService(db, categories),
    search: new SearchService(db, categories, synonyms, gaps),
    synonyms,
    gaps
  };
}

// server/src/modules/kb/portal-kb-routes.ts
import { Type as Type38 } from "@sinclair/typebox";

// server/src/modules/kb/visitor.ts
import { randomUUID as randomUUID22 } from "node:crypto";
var cookie = "opora_visitor";
function visitorOf(request, reply) {
  if (request.actor) return `user:${request.actor.id}`;
  const known2 = request.cookies[cookie];
  if (known2 && /^[0-9a-f-]{36}$/.test(known2)) return `visitor:${known2}`;
  if (!reply) return null;
  const id = randomUUID22();
  reply.setCookie(cookie, id, { path: "/", httpOnly: true, sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return `visitor:${id}`;
}

// server/src/modules/kb/portal-kb-routes.ts
var tags20 = ["portal: knowledge base"];
var AnyQuery = Type38.String({ maxLength: 2e4 });
var portalKbRoutes = async (app, { portal: portal2, search }) => {
  const config3 = { access: "public" };
  app.get(
    "/portal/kb/search",
    {
      config: config3,
      schema: {
        tags: tags20,
        summary: "Search published articles the caller may read (Russian/English morphology, synonyms, typos)",
        description: "Results are ranked title matches first. `correctedQuery` is set when a misspelt word was replaced. For very broad queries `total` is an estimate (`totalIsEstimate`) and pages stop after 500 results.",
        querystring: Type38.Object(
          {
            q: AnyQuery,
            category: Type38.Optional(ContentKey),
            tag: Type38.Optional(Type38.String({ maxLength: 60 })),
            limit: Type38.Optional(Type38.Integer({ minimum: 1, maximum: 50, default: 10 })),
            offset: Type38.Optional(Type38.Integer({ minimum: 0, maximum: 1e5, default: 0 }))
          },
          { additionalProperties: false }
        ),
        response: { 200: SearchResultSchema, ...errorResponses }
      }
    },
    (request) => search.search(request.query, request.actor)
  );
  app.get(
    "/portal/kb/suggest",
    {
      config: config3,
      schema: {
        tags: tags20,
        summary: "Article titles for what is being typed (the last word as a prefix), most read first",
        querystring: Type38.Object({ q: AnyQuery }, { additionalProperties: false }),
        response: {
          200: Type38.Object({
            items: Type38.Array(
              Type38.Object({
                key: Type38.String(),
                title: Type38.String(),
                categoryId: Type38.Union([Type38.String(), Type38.Null()])
              })
            )
          }),
          ...errorResponses
        }
      }
    },
    (request) => search.suggest(request.query.q, request.actor)
  );
  app.get(
    "/portal/kb/articles",
    {
      config: config3,
      schema: {
        tags: tags20,
        summary: "Published articles: popular or recent, optionally of a category (and below) or with a tag",
        querystring: Type38.Object(
          {
            category: Type38.Optional(ContentKey),
            tag: Type38.Optional(Type38.String({ maxLength: 60 })),
            sort: Type38.Optional(Type38.Union([Type38.Literal("popular"), Type38.Literal("recent")])),
            limit: Type38.Optional(Type38.Integer({ minimum: 1, maximum: 50, default: 10 })),
            offset: Type38.Optional(Type38.Integer({ minimum: 0, maximum: maxOffset, default: 0 }))
          },
          { additionalProperties: false }
        ),
        response: { 200: PageOf(ArticleSummarySchema), ...errorResponses }
      }
    },
    (request) => portal2.list(request.query, request.actor)
  );
  app.get(
    "/portal/kb/articles/:key",
    {
      config: config3,
      schema: {
        tags: tags20,
        summary: "A published article as the portal shows it (404 when unpublished or not for the caller)",
        params: KeyParams,
        response: { 200: PortalArticleSchema, ...errorResponses }
      }
    },
    (request) => portal2.article(request.params.key, request.actor, visitorOf(request))
  );
  app.post(
    "/portal/kb/articles/:key/views",
    {
      config: { access: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: tags20,
        summary: "Count one reading of an article",
        params: KeyParams,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await portal2.recordView(request.params.key, request.actor);
      return reply.status(204).send(null);
    }
  );
  app.post(
    "/portal/kb/articles/:key/ratings",
    {
      config: config3,
      schema: {
        tags: tags20,
        summary: "\xAB\u0411\u044B\u043B\u0430 \u043B\u0438 \u0441\u0442\u0430\u0442\u044C\u044F \u043F\u043E\u043B\u0435\u0437\u043D\u0430?\xBB \u2014 one answer per visitor; a second one replaces the first",
        params: KeyParams,
        body: Type38.Object(
          { helpful: Type38.Boolean(), comment: Type38.Optional(Type38.String({ maxLength: 2e3 })) },
          { additionalProperties: false }
        ),
        response: {
          200: Type38.Object({ helpful: Type38.Integer(), notHelpful: Type38.Integer() }),
          ...errorResponses
        }
      }
    },
    (request, reply) => portal2.rate(request.params.key, request.body, request.actor, visitorOf(request, reply))
  );
};

// server/src/modules/kb/index.ts
var knowledgeBaseModule = fp20(
  async (app) => {
    const kb = createKnowledgeBase(app.db);
    app.decorate("kb", kb);
    const api = { prefix: apiPrefix };
    await app.register(categoryRoutes, { ...api, categories: kb.categories });
    await app.register(articleRoutes, { ...api, articles: kb.articles, queries: kb.queries });
    await app.register(portalKbRoutes, { ...api, portal: kb.portal, search: kb.search });
    await app.register(kbAdminRoutes, { ...api, synonyms: kb.synonyms, gaps: kb.gaps });
    app.recurringJobs.add("kb.analyze", "43 * * * *", async () => {
      await app.db.query("analyze kb_article");
    });
  },
  { name: "kb", dependencies: ["auth"] }
);

// server/src/modules/line-definitions/index.ts
import fp21 from "fastify-plugin";

// server/src/modules/line-definitions/line-publishing.ts
function linePublishing(db) {
  return {
    async check(body, locale, tx, target) {
      if (!body.isDefault) return [];
      const other = (await publishedOfKind(db, "line", tx)).find(
        (line) => line.key !== target.key && line.body.isDefault === true
      );
      if (!other) return [];
      const title = other.body.title;
      const ru = title?.ru ?? other.key;
      const en = title?.en || ru;
      return [
        {
          pointer: "/isDefault",
          code: "default_line",
          message: locale === "en" ? `There already is a default line: "${en}" (${other.key}). Dialogs no rule takes go to one line \u2014 clear the mark here or on that line` : `\u041B\u0438\u043D\u0438\u044F \u043F\u043E \u0443\u043C\u043E\u043B\u0447\u0430\u043D\u0438\u044E \u0443\u0436\u0435 \u0435\u0441\u0442\u044C: \xAB${ru}\xBB (${other.key}). \u0414\u0438\u0430\u043B\u043E\u0433\u0438, \u043A\u043E\u0442\u043E\u0440\u044B\u0435 \u043D\u0435 \u043F\u043E\u0434\u043E\u0448\u043B\u0438 \u043D\u0438 \u043E\u0434\u043D\u043E\u043C\u0443 \u043F\u0440\u0430\u0432\u0438\u043B\u0443, \u0438\u0434\u0443\u0442 \u0432 \u043E\u0434\u043D\u0443 \u043B\u0438\u043D\u0438\u044E \u2014 \u0441\u043D\u0438\u043C\u0438\u0442\u0435 \u043E\u0442\u043C\u0435\u0442\u043A\u0443 \u0437\u0434\u0435\u0441\u044C \u0438\u043B\u0438 \u0443 \u0442\u043E\u0439 \u043B\u0438\u043D\u0438\u0438`
        }
      ];
    }
  };
}

// server/src/modules/line-definitions/index.ts
var lineDefinitionsModule = fp21(
  async (app) => {
    app.definitions.extend("line", linePublishing(app.db));
  },
  { name: "line-definitions", dependencies: ["definitions"] }
);

// server/src/modules/live/index.ts
import fp22 from "fastify-plugin";

// server/src/modules/distribution/staff-socket.ts
function staffSocketHook(deps) {
  return (actor, connection, socket) => {
    const join5 = async () => {
      await deps.presence.connected(actor.id);
      for (const key2 of await servedLineKeys(deps, actor, dateOf(deps.clock)))
        deps.hub.join(connection, liveAddress.line(key2));
    };
    join5().catch((err) => deps.log.warn({ err }, "could not register a staff socket"));
    socket.on("close", () => deps.presence.disconnected(actor.id));
  };
}

// server/src/modules/live/same-origin.ts
function sameOrigin(origin, host) {
  if (origin === void 0) return true;
  if (!host) return false;
  try {
    const from = new URL(origin);
    if (from.protocol !== "http:" && from.protocol !== "https:") return false;
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

// server/src/modules/live/live-routes.ts
var liveRoutes = async (app, { hub, identity, staffSocket }) => {
  app.get(
    "/portal/live",
    {
      websocket: true,
      config: { access: "authenticated" },
      schema: { tags: ["portal"], summary: "Live updates for the signed-in user (WebSocket)" },
      // Runs after authentication: a page of another site may not open a socket with this user's cookie.
      onRequest: async (request) => {
        if (!sameOrigin(request.headers.origin, request.host)) throw fail.crossOrigin();
      }
    },
    (socket, request) => {
      const actor = request.actor;
      const token2 = request.cookies[sessionCookie];
      const stillValid = async () => actor.via !== "session" || token2 !== void 0 && await identity.actorFromSession(token2) !== null;
      const addresses = [liveAddress.user(actor.id)];
      const staff2 = actor.roles.some((role) => contactCentre.includes(role));
      if (staff2) addresses.push(liveAddress.contactCentre);
      if (actor.roles.some((role) => role === "supervisor" || role === "admin"))
        addresses.push(liveAddress.supervisors);
      const connection = hub.attach(addresses, socket, stillValid);
      if (staff2) staffSocket?.(actor, connection, socket);
    }
  );
};

// server/src/modules/live/index.ts
var liveModule = fp22(
  async (app) => {
    const staffSocket = staffSocketHook({
      db: app.db,
      clock: app.clock,
      hub: app.liveHub,
      lines: app.publishedLines,
      presence: app.operatorPresence,
      log: app.log
    });
    await app.register(liveRoutes, {
      prefix: apiPrefix,
      hub: app.liveHub,
      identity: app.identity,
      staffSocket
    });
  },
  { name: "live", dependencies: ["auth", "distribution"] }
);

// server/src/modules/portal-account/index.ts
import fp23 from "fastify-plugin";

// server/src/modules/portal-account/account-routes.ts
import { Type as Type40 } from "@sinclair/typebox";

// server/src/modules/portal-account/portal-account-schemas.ts
import { Type as Type39 } from "@sinclair/typebox";
var LocalText = Type39.Object({ ru: Type39.String(), en: Type39.Optional(Type39.String()) });
var SignupBody = Type39.Object(
  {
    name: Type39.String({ minLength: 1, maxLength: 200, pattern: "\\S" }),
    email: Type39.String({ format: "email", maxLength: 200 }),
    password: Type39.String({ minLength: 8, maxLength: 200 })
  },
  { additionalProperties: false }
);
var SessionSchema2 = Type39.Object({ user: UserSchema, csrfToken: Type39.String() });
var Status3 = Type39.Union([
  Type39.Object({
    value: Type39.String(),
    label: LocalText,
    color: Type39.Union([Type39.String(), Type39.Null()])
  }),
  Type39.Null()
]);
var myRequestFields = {
  id: Type39.String(),
  number: Type39.Integer(),
  title: Type39.String(),
  status: Status3,
  createdAt: Type39.String(),
  updatedAt: Type39.String()
};
var MyRequestSchema = Type39.Object(myRequestFields);
var MyRequestDetailSchema = Type39.Object({
  ...myRequestFields,
  record: RecordSchema,
  entity: Type39.Unknown({ description: "The published body of the request data type" }),
  history: Type39.Array(
    Type39.Object({
      at: Type39.String(),
      by: Type39.Union([Type39.String(), Type39.Null()]),
      action: Type39.Union([Type39.Literal("create"), Type39.Literal("update")]),
      status: Type39.Union([
        Type39.Object({
          from: Type39.Union([LocalText, Type39.Null()]),
          to: Type39.Union([LocalText, Type39.Null()])
        }),
        Type39.Null()
      ]),
      fields: Type39.Array(LocalText)
    })
  )
});
var NotificationSchema = Type39.Object({
  id: Type39.String(),
  title: Type39.String(),
  text: Type39.String(),
  link: Type39.Union([Type39.String(), Type39.Null()]),
  readAt: Type39.Union([Type39.String(), Type39.Null()]),
  createdAt: Type39.String()
});
var MarkReadBody = Type39.Object(
  { ids: Type39.Optional(Type39.Array(Type39.String({ format: "uuid" }), { maxItems: 500 })) },
  { additionalProperties: false }
);

// server/src/modules/portal-account/account-routes.ts
var tags21 = ["portal"];
var accountRoutes = async (app, options4) => {
  const { signup, identity, requests, notifications } = options4;
  const actor = (request) => request.actor;
  app.post(
    "/portal/signup",
    {
      config: {
        access: "public",
        rateLimit: { max: options4.signupRateLimit, timeWindow: "1 minute" }
      },
      schema: {
        tags: tags21,
        summary: "Create a client account (and its client record), sign it in like /auth/login, and mail a link confirming the address",
        description: "409 when the email is already registered; 422 when the published portal has no account mapping.",
        body: SignupBody,
        response: {
          200: SessionSchema2,
          400: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
          429: ErrorResponse
        }
      }
    },
    async (request, reply) => {
      const origin = linkOrigin(options4.publicUrl, request);
      const user = await signup.signup(request.body, requestLocale(request), origin);
      const session = await identity.openSession(user);
      reply.setCookie(sessionCookie, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: options4.secureCookies,
        expires: session.expiresAt
      });
      return { user: userView(user), csrfToken: session.csrfToken };
    }
  );
  app.get(
    "/portal/my/requests",
    {
      config: { access: ["client"] },
      schema: {
        tags: tags21,
        summary: "The caller\u2019s requests, newest first",
        querystring: Type40.Object(Paging, { additionalProperties: false }),
        response: { 200: PageOf(MyRequestSchema), ...errorResponses }
      }
    },
    (request) => requests.list(actor(request), request.query.limit ?? 20, request.query.offset ?? 0)
  );
  app.get(
    "/portal/my/requests/:id",
    {
      config: { access: ["client"] },
      schema: {
        tags: tags21,
        summary: "One of the caller\u2019s requests with its data type and history (404 for anyone else\u2019s)",
        params: IdParams,
        response: { 200: MyRequestDetailSchema, ...errorResponses }
      }
    },
    (request) => requests.get(actor(request), request.params.id, requestLocale(request))
  );
  app.get(
    "/portal/my/notifications",
    {
      config: { access: "authenticated" },
      schema: {
        tags: tags21,
        summary: "The caller\u2019s notifications, newest first, with the number still unread",
        querystring: Type40.Object(
          { ...Paging, unread: Type40.Optional(Type40.Boolean({ description: "Only unread ones" })) },
          { additionalProperties: false }
        ),
        response: {
          200: Type40.Composite([PageOf(NotificationSchema), Type40.Object({ unread: Type40.Integer() })]),
          ...errorResponses
        }
      }
    },
    (request) => notifications.list(actor(request).id, request.query)
  );
  app.post(
    "/portal/my/notifications/read",
    {
      config: { access: "authenticated" },
      schema: {
        tags: tags21,
        summary: "Mark the given notifications read, or all of them when ids is absent",
        body: MarkReadBody,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await notifications.markRead(actor(request).id, request.body.ids);
      return reply.status(204).send(null);
    }
  );
};

// server/src/modules/portal-account/confirm-texts.ts
function confirmMail(to, user, link) {
  if (user.locale === "en")
    return {
      to,
      subject: "Confirm your e-mail address",
      text: [
        `Hello, ${user.name}!`,
        "",
        "Please confirm that this address is yours by opening the link:",
        link,
        "",
        "Requests you sent from this address without an account will then appear in your account.",
        "The link works for 24 hours. If you did not sign up, ignore this mail."
      ].join("\n")
    };
  return {
    to,
    subject: "\u041F\u043E\u0434\u0442\u0432\u0435\u0440\u0434\u0438\u0442\u0435 \u0430\u0434\u0440\u0435\u0441 \u044D\u043B\u0435\u043A\u0442\u0440\u043E\u043D\u043D\u043E\u0439 \u043F\u043E\u0447\u0442\u044B",
    text: [
      `\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435, ${user.name}!`,
      "",
      "\u041F\u043E\u0434\u0442\u0432\u0435\u0440\u0434\u0438\u0442\u0435, \u0447\u0442\u043E \u044D\u0442\u043E\u0442 \u0430\u0434\u0440\u0435\u0441 \u0432\u0430\u0448, \u2014 \u043E\u0442\u043A\u0440\u043E\u0439\u0442\u0435 \u0441\u0441\u044B\u043B\u043A\u0443:",
      link,
      "",
      "\u041F\u043E\u0441\u043B\u0435 \u044D\u0442\u043E\u0433\u043E \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044F, \u043E\u0442\u043F\u0440\u0430\u0432\u043B\u0435\u043D\u043D\u044B\u0435 \u0441 \u044D\u0442\u043E\u0433\u043E \u0430\u0434\u0440\u0435\u0441\u0430 \u0431\u0435\u0437 \u0443\u0447\u0451\u0442\u043D\u043E\u0439 \u0437\u0430\u043F\u0438\u0441\u0438, \u043F\u043E\u044F\u0432\u044F\u0442\u0441\u044F \u0432 \u043B\u0438\u0447\u043D\u043E\u043C \u043A\u0430\u0431\u0438\u043D\u0435\u0442\u0435.",
      "\u0421\u0441\u044B\u043B\u043A\u0430 \u0434\u0435\u0439\u0441\u0442\u0432\u0443\u0435\u0442 24 \u0447\u0430\u0441\u0430. \u0415\u0441\u043B\u0438 \u0432\u044B \u043D\u0435 \u0440\u0435\u0433\u0438\u0441\u0442\u0440\u0438\u0440\u043E\u0432\u0430\u043B\u0438\u0441\u044C, \u043F\u0440\u043E\u0441\u0442\u043E \u043D\u0435 \u043E\u0431\u0440\u0430\u0449\u0430\u0439\u0442\u0435 \u0432\u043D\u0438\u043C\u0430\u043D\u0438\u044F \u043D\u0430 \u044D\u0442\u043E \u043F\u0438\u0441\u044C\u043C\u043E."
    ].join("\n")
  };
}
var confirmInvalidText = {
  ru: "\u0421\u0441\u044B\u043B\u043A\u0430 \u043D\u0435\u0434\u0435\u0439\u0441\u0442\u0432\u0438\u0442\u0435\u043B\u044C\u043D\u0430: \u043E\u043D\u0430 \u0443\u0441\u0442\u0430\u0440\u0435\u043B\u0430, \u0443\u0436\u0435 \u0438\u0441\u043F\u043E\u043B\u044C\u0437\u043E\u0432\u0430\u043D\u0430 \u0438\u043B\u0438 \u0430\u0434\u0440\u0435\u0441 \u0441 \u0442\u0435\u0445 \u043F\u043E\u0440 \u0438\u0437\u043C\u0435\u043D\u0438\u043B\u0441\u044F. \u0417\u0430\u043F\u0440\u043E\u0441\u0438\u0442\u0435 \u043D\u043E\u0432\u043E\u0435 \u043F\u0438\u0441\u044C\u043C\u043E \u0432 \u043B\u0438\u0447\u043D\u043E\u043C \u043A\u0430\u0431\u0438\u043D\u0435\u0442\u0435.",
  en: "The link is no longer valid: it expired, was already used, or the address changed since. Ask for a new mail in your account."
};

// server/src/modules/portal-account/link-anonymous-requests.ts
var maxLinked = 500;
async function linkAnonymousRequests(deps, tx, client) {
  const { db, definitions, records } = deps;
  const account = await portalAccount(definitions, tx);
  if (!account) return 0;
  const body = await publishedEntity(definitions, account.requests, tx);
  const emailFields = body?.fields.filter((f) => f.type === "email").map((f) => f.key) ?? [];
  if (!body || !emailFields.length) return 0;
  const clientField = body.fields.find((f) => f.key === account.requestClient);
  if (clientField?.type !== "relation") return 0;
  const email = client.email.trim().toLowerCase();
  const rows = await db.query(
    `select id, version from record
     where entity = ? and deleted_at is null and created_by_id is null
       and coalesce(data -> ?, 'null'::jsonb) in ('null'::jsonb, '[]'::jsonb)
       and (${emailFields.map(() => "lower(data ->> ?) = ?").join(" or ")})
     order by created_at limit ?`,
    [account.requests, account.requestClient, ...emailFields.flatMap((f) => [f, email]), maxLinked],
    tx
  );
  const value = clientField.many ? [client.recordId] : client.recordId;
  let linked = 0;
  for (const row of rows) {
    try {
      await records.update(
        account.requests,
        row.id,
        row.version,
        { [account.requestClient]: value },
        client.actor,
        client.locale,
        { em: tx, grantedBy: "portal" }
      );
      linked++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return linked;
}

// server/src/modules/portal-account/email-confirmation.ts
var emailConfirmJob = "portal.email-confirm-mail";
var confirmTtlMs = 24 * 36e5;
var clientColumns = "id, login, name, email, locale, record_id, email_confirmed_at";
var EmailConfirmation = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  /** Queues the mail; pass the sign-up's transaction so the mail goes exactly when the account exists. */
  async sendLink(userId, origin, em) {
    const payload = { userId, origin };
    await this.deps.queue.enqueue(emailConfirmJob, payload, { maxAttempts: 5 }, em);
  }
  /** Whether the caller's address is confirmed (the account page offers to send the link again when not). */
  async status(userId) {
    const client = await this.client(userId);
    return { email: client?.email ?? null, confirmed: Boolean(client?.email_confirmed_at) };
  }
  /** The job: a still-unconfirmed account with an address gets a link (a newer link replaces older ones). */
  sendMail = async (payload, { em }) => {
    const { userId, origin } = payload;
    if (typeof userId !== "string" || typeof origin !== "string") return;
    const client = await this.client(userId, em);
    if (!client?.email || client.email_confirmed_at) return;
    const token2 = await this.deps.tokens.issue(em, client.id, "email_confirm", confirmTtlMs, client.email);
    const link = `${origin}/account/confirm?token=${encodeURIComponent(token2)}`;
    await this.deps.mailer.send(confirmMail(client.email, client, link));
  };
  /**
   * Confirms the address the link was sent to — only if it is still the account's address — and links the
   * requests sent anonymously from it, in one transaction. Null for a bad link; otherwise how many were linked.
   */
  async confirm(token2) {
    const { db, tokens } = this.deps;
    return db.transaction(async (tx) => {
      const used = await tokens.consume(tx, token2, "email_confirm");
      if (!used?.email) return null;
      const client = await this.client(used.userId, tx);
      if (!client?.email || client.email.toLowerCase() !== used.email.toLowerCase()) return null;
      await db.query(
        "update app_user set email_confirmed_at = ? where id = ?",
        [dateOf(this.deps.clock), client.id],
        tx
      );
      if (!client.record_id) return { linked: 0 };
      const actor = {
        id: client.id,
        login: client.login,
        name: client.name,
        roles: ["client"],
        locale: client.locale,
        via: "session"
      };
      const linked = await linkAnonymousRequests(this.deps, tx, {
        actor,
        recordId: client.record_id,
        email: client.email,
        locale: client.locale
      });
      return { linked };
    });
  }
  async client(userId, em) {
    const [row] = await this.deps.db.query(
      `select ${clientColumns} from app_user where id = ? and active`,
      [userId],
      em
    );
    return row ?? null;
  }
};

// server/src/modules/portal-account/email-confirmation-routes.ts
import { Type as Type41 } from "@sinclair/typebox";
var tags22 = ["portal"];
var emailConfirmationRoutes = async (app, { confirmation, publicUrl, rateLimit }) => {
  app.post(
    "/portal/email-confirmation",
    {
      // The token is the credential: the link may be opened on a device where nobody is signed in.
      config: { access: "public", rateLimit: { max: rateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: tags22,
        summary: "Confirm a client\u2019s e-mail with the link from the sign-up mail",
        description: "Requests sent anonymously from the confirmed address become the client\u2019s own; answers how many. 400 with a detail at /token for an unknown, used or expired link.",
        body: Type41.Object(
          { token: Type41.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false }
        ),
        response: { 200: Type41.Object({ linked: Type41.Integer() }), 400: ErrorResponse, 429: ErrorResponse }
      }
    },
    async (request) => {
      const confirmed = await confirmation.confirm(request.body.token);
      if (!confirmed)
        throw fail.validation([
          { pointer: "/token", code: "token_invalid", message: confirmInvalidText[requestLocale(request)] }
        ]);
      return confirmed;
    }
  );
  app.get(
    "/portal/my/email-confirmation",
    {
      config: { access: ["client"] },
      schema: {
        tags: tags22,
        summary: "Whether the caller\u2019s e-mail is confirmed",
        response: {
          200: Type41.Object({ email: Type41.Union([Type41.String(), Type41.Null()]), confirmed: Type41.Boolean() }),
          ...errorResponses
        }
      }
    },
    (request) => confirmation.status(request.actor.id)
  );
  app.post(
    "/portal/my/email-confirmation",
    {
      config: { access: ["client"], rateLimit: { max: rateLimit, timeWindow: "15 minutes" } },
      schema: {
        tags: tags22,
        summary: "Send the confirmation link again (a newer link replaces the older ones)",
        response: {
          202: Type41.Object({ accepted: Type41.Literal(true) }),
          ...errorResponses,
          429: ErrorResponse
        }
      }
    },
    async (request, reply) => {
      await confirmation.sendLink(request.actor.id, linkOrigin(publicUrl, request));
      return reply.status(202).send({ accepted: true });
    }
  );
};

// server/src/modules/portal-account/my-requests.ts
import { accessScope as accessScope4 } from "@opora/runtime/definitions";

// server/src/modules/records/record-view.ts
var recordView = (r) => ({
  id: r.id,
  entity: r.entity,
  number: Number(r.number),
  entityVersion: r.entityVersion,
  title: r.title,
  data: r.data,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  createdBy: r.createdBy,
  updatedBy: r.updatedBy
});
var recordColumns = "id, entity, number, entity_version, data, title, version, created_at, updated_at, created_by, updated_by";
var recordRowView = (r) => ({
  id: r.id,
  entity: r.entity,
  number: Number(r.number),
  entityVersion: r.entity_version,
  title: r.title,
  data: typeof r.data === "string" ? JSON.parse(r.data) : r.data,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  createdBy: r.created_by,
  updatedBy: r.updated_by
});

// server/src/modules/portal-account/request-history.ts
var parsed2 = (value) => typeof value === "string" ? JSON.parse(value) : value;
function statusOf(body, field, value) {
  if (typeof value !== "string") return null;
  const def = body.fields.find((f) => f.key === field);
  const option = def?.type === "enum" ? def.options.find((o) => o.value === value) : void 0;
  return { value, label: option?.label ?? { ru: value }, color: option?.color ?? null };
}
function requestHistory(rows, body, account, clientUserId, system) {
  const status = account.requestStatus;
  const label = (value) => statusOf(body, status, value)?.label ?? null;
  return rows.flatMap((row) => {
    if (row.action !== "create" && row.action !== "update") return [];
    const before = row.action === "create" ? {} : parsed2(row.before) ?? {};
    const after = parsed2(row.after) ?? {};
    const moved = before[status] !== after[status];
    const changed = new Set(
      [...Object.keys(before), ...Object.keys(after)].filter(
        (key2) => key2 !== status && JSON.stringify(before[key2]) !== JSON.stringify(after[key2])
      )
    );
    const fields = body.fields.filter((f) => changed.has(f.key)).map((f) => f.label);
    if (row.action === "update" && !moved && !fields.length) return [];
    return [
      {
        at: new Date(row.at).toISOString(),
        by: row.actor_id === clientUserId ? null : row.actor_name ?? system,
        action: row.action,
        status: moved ? { from: label(before[status]), to: label(after[status]) } : null,
        fields: row.action === "create" ? [] : fields
      }
    ];
  });
}

// server/src/modules/portal-account/my-requests.ts
var maxHistory = 500;
var MyRequests = class {
  constructor(db, definitions) {
    this.db = db;
    this.definitions = definitions;
  }
  db;
  definitions;
  async list(actor, limit, offset) {
    const scope = await this.scope(actor);
    if (!scope) return { items: [], total: 0, limit, offset };
    const owned = pointsAt(scope.account.requestClient, scope.clientId);
    const rows = await this.db.query(
      `select ${recordColumns}, count(*) over () as total from record
       where entity = ? and deleted_at is null and ${owned.sql}
       order by created_at desc, number desc limit ? offset ?`,
      [scope.account.requests, ...owned.params, limit, offset]
    );
    let total = Number(rows[0]?.total ?? 0);
    if (!rows.length && offset > 0) {
      const [counted2] = await this.db.query(
        `select count(*) as total from record where entity = ? and deleted_at is null and ${owned.sql}`,
        [scope.account.requests, ...owned.params]
      );
      total = Number(counted2?.total ?? 0);
    }
    return { items: rows.map((row) => summary(recordRowView(row), scope)), total, limit, offset };
  }
  /** One of the caller's requests; someone else's does not exist for them (404), like a missing one. */
  async get(actor, id, locale) {
    const scope = await this.scope(actor);
    const missing = () => fail.notFound(`request ${id}`);
    if (!scope) throw missing();
    const owned = pointsAt(scope.account.requestClient, scope.clientId);
    const [row] = await this.db.query(
      `select ${recordColumns} from record where id = ? and entity = ? and deleted_at is null and ${owned.sql}`,
      [id, scope.account.requests, ...owned.params]
    );
    if (!row) throw missing();
    const audit2 = await this.db.query(
      `select * from (select id, at, actor_id, actor_name, action, before, after from audit_log
         where target_type = 'record' and target_id = ? order by id desc limit ?) newest order by id`,
      [id, maxHistory]
    );
    const record = recordRowView(row);
    return {
      ...summary(record, scope),
      record,
      entity: scope.body,
      history: requestHistory(audit2, scope.body, scope.account, actor.id, message(locale, "support_team"))
    };
  }
  async scope(actor) {
    const account = await portalAccount(this.definitions);
    if (!account) return null;
    const [clientId, body] = await Promise.all([
      linkedRecord(this.db, actor.id),
      publishedEntity(this.definitions, account.requests)
    ]);
    if (!clientId || !body || accessScope4(body, actor.roles, "read") === "none") return null;
    return { account, body, clientId };
  }
};
function summary(record, { account, body }) {
  return {
    id: record.id,
    number: record.number,
    title: record.title,
    status: statusOf(body, account.requestStatus, record.data[account.requestStatus]),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt
  };
}

// server/src/modules/portal-account/notification-service.ts
import { randomUUID as randomUUID23 } from "node:crypto";
var iso5 = (value) => new Date(value).toISOString();
var view3 = (row) => ({
  id: row.id,
  title: row.title,
  text: row.text,
  link: row.link,
  readAt: row.read_at === null ? null : iso5(row.read_at),
  createdAt: iso5(row.created_at)
});
var clip = (text2, max) => text2.length > max ? `${text2.slice(0, max - 1)}\u2026` : text2;
var NotificationService = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async create(tx, userId, input) {
    const [row] = await this.db.query(
      `insert into notification (id, user_id, title, text, link) values (?, ?, ?, ?, ?)
       returning id, title, text, link, read_at, created_at`,
      [randomUUID23(), userId, clip(input.title, 300), clip(input.text, 1e3), input.link],
      tx
    );
    return view3(row);
  }
  async list(userId, query) {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const onlyUnread = query.unread ? "and read_at is null" : "";
    const rows = await this.db.query(
      `select id, title, text, link, read_at, created_at from notification
       where user_id = ? ${onlyUnread} order by created_at desc, id desc limit ? offset ?`,
      [userId, limit, offset]
    );
    const [counts] = await this.db.query(
      `select count(*) filter (where true ${onlyUnread}) as total, count(*) filter (where read_at is null) as unread
       from notification where user_id = ?`,
      [userId]
    );
    return {
      items: rows.map(view3),
      total: Number(counts?.total ?? 0),
      limit,
      offset,
      unread: Number(counts?.unread ?? 0)
    };
  }
  /** Marks the given notifications of the user read, or all of them without ids; others' ids are ignored. */
  async markRead(userId, ids2) {
    if (ids2 && !ids2.length) return;
    const some = ids2 ? "and id::text = any(string_to_array(?, ','))" : "";
    await this.db.query(
      `update notification set read_at = now() where user_id = ? and read_at is null ${some}`,
      ids2 ? [userId, ids2.join(",")] : [userId]
    );
  }
};

// server/src/modules/portal-account/portal-form-routes.ts
import { definitionKeyPattern as definitionKeyPattern4 } from "@opora/runtime/definitions";
import { Type as Type42 } from "@sinclair/typebox";
var tags23 = ["portal"];
var FormParams2 = Type42.Object(
  { key: Type42.String({ pattern: definitionKeyPattern4 }) },
  { additionalProperties: false }
);
var Published2 = Type42.Object({ key: Type42.String(), version: Type42.Integer(), body: Type42.Unknown() });
var portalFormRoutes = async (app, options4) => {
  const { db, forms, definitions } = options4;
  const portalForm = async (key2) => {
    const published = await forms.published(key2);
    if (published.form.body.purpose !== "portal") throw fail.notFound(`form ${key2}`);
    return published;
  };
  const fixedValues = async (entity, actor) => {
    const account = await portalAccount(definitions);
    if (!account || entity !== account.requests) return void 0;
    return { [account.requestClient]: actor ? await linkedRecord(db, actor.id) : null };
  };
  app.get(
    "/portal/forms/:key",
    {
      config: { access: "public" },
      schema: {
        tags: tags23,
        summary: "A published portal form with the data type it fills",
        params: FormParams2,
        response: { 200: Type42.Object({ form: Published2, entity: Published2 }), ...errorResponses }
      }
    },
    (request) => portalForm(request.params.key)
  );
  app.post(
    "/portal/forms/:key/submit",
    {
      config: {
        access: "public",
        rateLimit: { max: options4.submitRateLimit, timeWindow: "1 minute" }
      },
      schema: {
        tags: tags23,
        summary: "Submit a portal form (anonymously or as a signed-in client); answers the new request\u2019s number",
        description: "Re-evaluated and validated on the server like any form. For the portal\u2019s request type the client field is set by the server: the caller\u2019s client record, or empty for anonymous callers.",
        params: FormParams2,
        body: Type42.Object({ data: Data2 }, { additionalProperties: false }),
        response: {
          200: Type42.Object({ id: Type42.String(), number: Type42.Integer() }),
          ...errorResponses,
          429: ErrorResponse
        }
      }
    },
    async (request) => {
      const { entity } = await portalForm(request.params.key);
      const fixed = await fixedValues(entity.key, request.actor);
      const { record } = await forms.submit(
        request.params.key,
        { data: request.body.data, ...fixed ? { fixed } : {} },
        request.actor,
        requestLocale(request),
        { viaPortal: true }
      );
      return { id: record.id, number: record.number };
    }
  );
};

// server/src/modules/portal-account/request-listener.ts
function requestListener(deps) {
  const { db, definitions, notifications, hub } = deps;
  return async ({ tx, entity, before, after, record, actor }) => {
    const account = await portalAccount(definitions, tx);
    if (!account || entity !== account.requests) return;
    await hub.send(tx, [liveAddress.contactCentre], { type: "request", id: record.id });
    const now = relationIds(after[account.requestClient]);
    const clients = /* @__PURE__ */ new Set([...relationIds(before?.[account.requestClient]), ...now]);
    if (!clients.size) return;
    const owners = await db.query(
      `select id, locale, record_id from app_user
       where active and record_id::text = any(string_to_array(?, ','))`,
      [[...clients].join(",")],
      tx
    );
    if (!owners.length) return;
    await hub.send(
      tx,
      owners.map((o) => liveAddress.user(o.id)),
      { type: "request", id: record.id }
    );
    const status = account.requestStatus;
    if (before === null || before[status] === after[status]) return;
    const told = owners.filter((o) => now.includes(o.record_id) && o.id !== actor?.id);
    if (!told.length) return;
    const body = await publishedEntity(definitions, entity, tx);
    const label = body ? statusOf(body, status, after[status])?.label : null;
    for (const owner of told) {
      const text2 = label ? label[owner.locale] ?? label.ru : "\u2014";
      const notification = await notifications.create(tx, owner.id, {
        title: message(owner.locale, "notification_request_status", { number: record.number, status: text2 }),
        text: record.title,
        link: `/account/requests/${record.id}`
      });
      await hub.send(tx, [liveAddress.user(owner.id)], { type: "notification", notification });
    }
  };
}

// server/src/modules/portal-account/signup-service.ts
import { randomUUID as randomUUID24 } from "node:crypto";
var SignupService = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  /** `origin` is where the confirmation link points (PUBLIC_URL, or the request's origin without it). */
  async signup(input, locale, origin) {
    const { db, definitions, records, identity, confirmation } = this.deps;
    const name = input.name.trim();
    const email = input.email.trim();
    const login = email.toLowerCase();
    const passwordHash = await hashPassword(input.password);
    const id = randomUUID24();
    await db.transaction(async (tx) => {
      const account = await portalAccount(definitions, tx);
      if (!account) throw fail.portalAccountsOff();
      const taken = await db.query(
        "select 1 from app_user where lower(login) = ? or lower(email) = ? limit 1",
        [login, login],
        tx
      );
      if (taken.length) throw fail.emailTaken(message(locale, "email_taken"));
      const inserted = await db.query(
        `insert into app_user (id, login, name, email, password_hash, roles, locale)
         values (?, ?, ?, ?, ?, '{client}', ?) on conflict (login) do nothing returning id`,
        [id, login, name, email, passwordHash, locale],
        tx
      );
      if (!inserted.length) throw fail.emailTaken(message(locale, "email_taken"));
      const actor = { id, login, name, roles: ["client"], locale, via: "session" };
      const fields = { [account.clientName]: name, [account.clientEmail]: email };
      const record = await records.create(account.clients, fields, actor, locale, { em: tx, grantedBy: "portal" }).catch((error) => {
        throw asSignupProblem(error, account.clientName, account.clientEmail, locale);
      });
      await tx.flush();
      await db.query("update app_user set record_id = ? where id = ?", [record.id, id], tx);
      audit(tx, actor, {
        at: dateOf(this.deps.clock),
        action: "create",
        targetType: "user",
        targetId: id,
        after: { login, name, email, roles: ["client"], locale, recordId: record.id }
      });
      await confirmation.sendLink(id, origin, tx);
    });
    const user = await identity.userById(id);
    if (!user) throw new Error(`signed-up user ${id} vanished`);
    return user;
  }
};
function asSignupProblem(error, nameField, emailField, locale) {
  if (!(error instanceof AppError) || error.code !== "validation_failed") return error;
  const fieldOf = (pointer) => pointer.replace(/^\/data\//, "").split("/")[0] ?? "";
  if (error.details.some((d) => d.code === "unique" && fieldOf(d.pointer) === emailField))
    return fail.clientEmailKnown(message(locale, "client_email_known"));
  const pointers = { [nameField]: "/name", [emailField]: "/email" };
  return fail.validation(
    error.details.map((d) => {
      const pointer = pointers[fieldOf(d.pointer)];
      return pointer ? { ...d, pointer } : d;
    })
  );
}

// server/src/modules/portal-account/index.ts
var portalAccountModule = fp23(
  async (app) => {
    const { db, definitions, records, settings } = app;
    const notifications = new NotificationService(db);
    records.onSaved(requestListener({ db, definitions, notifications, hub: app.liveHub }));
    const loginLimit = settings.loginRateLimit;
    const confirmation = new EmailConfirmation({
      db,
      clock: app.clock,
      queue: app.jobQueue,
      tokens: app.accountTokens,
      mailer: app.mailer,
      definitions,
      records
    });
    app.jobWorker.registerHandler(emailConfirmJob, confirmation.sendMail);
    const signup = new SignupService({
      db,
      definitions,
      records,
      identity: app.identity,
      clock: app.clock,
      confirmation
    });
    await app.register(accountRoutes, {
      prefix: apiPrefix,
      signup,
      identity: app.identity,
      requests: new MyRequests(db, definitions),
      notifications,
      secureCookies: settings.secureCookies,
      signupRateLimit: Math.max(5, Math.floor(loginLimit / 2)),
      publicUrl: settings.publicUrl
    });
    await app.register(emailConfirmationRoutes, {
      prefix: apiPrefix,
      confirmation,
      publicUrl: settings.publicUrl,
      rateLimit: Math.max(5, Math.floor(loginLimit / 2))
    });
    await app.register(portalFormRoutes, {
      prefix: apiPrefix,
      db,
      forms: app.forms,
      definitions,
      submitRateLimit: Math.max(10, loginLimit)
    });
  },
  { name: "portal-account", dependencies: ["forms"] }
);

// server/src/modules/portal-pages/index.ts
import fp24 from "fastify-plugin";

// server/src/modules/portal-pages/page-html.ts
function sanitizePageBody(body) {
  const page = body;
  return {
    ...page,
    rows: page.rows.map((row) => ({
      ...row,
      columns: row.columns.map((column) => ({
        ...column,
        widgets: column.widgets.map(
          (widget) => widget.type === "rich-text" ? { ...widget, config: { ...widget.config, html: sanitizeHtml(widget.config.html) } } : widget
        )
      }))
    }))
  };
}

// server/src/modules/portal-pages/site-routes.ts
import { Type as Type43 } from "@sinclair/typebox";
var tags24 = ["portal"];
var siteRoutes = async (app, { site }) => {
  app.get(
    "/portal/site",
    {
      config: { access: "public" },
      schema: {
        tags: tags24,
        summary: "The published portal: name, logo, colours, menu, home page (body null until one is published)",
        response: {
          200: Type43.Object({ body: Type43.Unknown(), version: Type43.Union([Type43.Integer(), Type43.Null()]) }),
          ...errorResponses
        }
      }
    },
    () => site.site()
  );
  app.get(
    "/portal/pages",
    {
      config: { access: "public" },
      schema: {
        tags: tags24,
        summary: "The published page at a path (`/` is the home page); 401/404 when it is not for the caller",
        querystring: Type43.Object(
          { path: Type43.String({ pattern: "^/[a-z0-9/_-]*$", maxLength: 200 }) },
          { additionalProperties: false }
        ),
        response: {
          200: Type43.Object({ key: Type43.String(), version: Type43.Integer(), body: Type43.Unknown() }),
          ...errorResponses
        }
      }
    },
    (request) => site.page(request.query.path, request.actor)
  );
};

// server/src/modules/portal-pages/site-service.ts
import { portalKey as portalKey2 } from "@opora/runtime/definitions";
var viewerOf = (actor) => !actor ? "anonymous" : actor.roles.some((r) => staff.includes(r)) ? "staff" : "client";
var SiteService = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async site() {
    const portal2 = (await publishedOfKind(this.db, "portal")).find((p) => p.key === portalKey2);
    return { body: portal2?.body ?? null, version: portal2?.version ?? null };
  }
  /**
   * The page at a path: `/` is the portal's home page (or the page whose path is `/`). A page the caller may not
   * see answers 401 to visitors (they might sign in) and 404 to everyone else.
   */
  async page(path2, actor) {
    const pages = await publishedOfKind(this.db, "page");
    const home = path2 === "/" ? (await this.site()).body?.homePage : void 0;
    const found = (home ? pages.find((p) => p.key === home) : void 0) ?? pages.find((p) => p.body.path === path2);
    if (!found) throw fail.notFound(`page ${path2}`);
    const audience2 = found.body.audience;
    const viewer = viewerOf(actor);
    if (audience2 && !audience2.includes(viewer))
      throw viewer === "anonymous" ? fail.unauthorized() : fail.notFound(`page ${path2}`);
    return { key: found.key, version: found.version, body: found.body };
  }
};

// server/src/modules/portal-pages/index.ts
var portalPagesModule = fp24(
  async (app) => {
    app.definitions.cleanOnSave("page", sanitizePageBody);
    const site = new SiteService(app.db);
    app.decorate("site", site);
    await app.register(siteRoutes, { prefix: apiPrefix, site });
  },
  { name: "portal-pages", dependencies: ["definitions"] }
);

// server/src/modules/records/index.ts
import fp25 from "fastify-plugin";

// server/src/modules/records/record-service.ts
import { randomUUID as randomUUID25 } from "node:crypto";
import { LockMode as LockMode2 } from "@mikro-orm/core";
import {
  applyDefaults,
  recordTitle as recordTitle2,
  searchableText as searchableText2,
  transitionProblems
} from "@opora/runtime/definitions";

// server/src/db/entities/record.ts
import { EntitySchema as EntitySchema7 } from "@mikro-orm/core";
var RecordEntity = class {
  id;
  entity;
  number;
  entityVersion;
  data;
  title = "";
  searchText = "";
  version = 1;
  createdAt;
  updatedAt;
  createdBy = null;
  /** The user who created it (null for the server itself, e.g. imported demo data). */
  createdById = null;
  updatedBy = null;
  deletedAt = null;
};
var recordSchema = new EntitySchema7({
  class: RecordEntity,
  tableName: "record",
  properties: {
    id: { type: "uuid", primary: true },
    entity: { type: "text" },
    number: { type: "bigint", runtimeType: "number" },
    entityVersion: { type: "integer" },
    data: { type: "json" },
    title: { type: "text" },
    searchText: { type: "text" },
    version: { type: "integer" },
    createdAt: { type: "Date", columnType: "timestamptz" },
    updatedAt: { type: "Date", columnType: "timestamptz" },
    createdBy: { type: "text", nullable: true },
    createdById: { type: "uuid", nullable: true },
    updatedBy: { type: "text", nullable: true },
    deletedAt: { type: "Date", columnType: "timestamptz", nullable: true }
  }
});

// server/src/modules/records/record-access.ts
import {
  accessScope as accessScope5,
  rolesAllowed as rolesAllowed2
} from "@opora/runtime/definitions";
var RecordAccess = class {
  constructor(db) {
    this.db = db;
  }
  db;
  /** The scope of `operation` for the actor, refusing with 403 when it has none. */
  scope(entity, body, actor, operation) {
    if (!actor) return "all";
    const scope = accessScope5(body, actor.roles, operation);
    if (scope === "none") throw fail.recordsForbidden(entity, operation, rolesAllowed2(body, operation));
    return scope;
  }
  /** The owner for an own-only scope, null when the scope is every record. */
  async ownerFor(entity, body, actor, operation, em) {
    const scope = this.scope(entity, body, actor, operation);
    return scope === "own" && actor ? this.owner(actor, em) : null;
  }
  async owner(actor, em) {
    const [row] = await this.db.query(
      "select u.record_id, r.entity from app_user u left join record r on r.id = u.record_id where u.id = ?",
      [actor.id],
      em
    );
    return { userId: actor.id, clientId: row?.record_id ?? null, clientEntity: row?.entity ?? null };
  }
  /** The records of the type the owner owns, as a condition on the `record` table. */
  ownedSql(entity, body, owner) {
    const parts = ["created_by_id = ?"];
    const params = [owner.userId];
    if (owner.clientId) {
      parts.push("id = ?");
      params.push(owner.clientId);
      for (const field of clientLinks(entity, body, owner)) {
        parts.push("data @> ?::jsonb");
        params.push(JSON.stringify({ [field.key]: field.many ? [owner.clientId] : owner.clientId }));
      }
    }
    return { sql: `(${parts.join(" or ")})`, params };
  }
  /** The same decision for one loaded record. */
  owns(entity, body, owner, record) {
    if (record.createdById === owner.userId) return true;
    if (!owner.clientId) return false;
    if (record.id === owner.clientId) return true;
    return clientLinks(entity, body, owner).some(
      (field) => linkedIds(record.data[field.key]).includes(owner.clientId)
    );
  }
  /**
   * Relation fields a client sets to somebody else's client record: refused, so nobody files a record in
   * another client's name (which would also show it in that client's «Мои обращения»).
   */
  foreignLinks(body, owner, data) {
    if (!owner.clientEntity) return [];
    return body.fields.filter((f) => f.type === "relation" && f.entity === owner.clientEntity).filter((f) => linkedIds(data[f.key]).some((id) => id !== owner.clientId)).map((f) => f.key);
  }
};
function clientLinks(entity, body, owner) {
  if (!owner.clientEntity || entity === owner.clientEntity) return [];
  return body.fields.flatMap(
    (f) => f.type === "relation" && f.entity === owner.clientEntity ? [{ key: f.key, many: f.many === true }] : []
  );
}
var linkedIds = (value) => (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string");

// server/src/modules/records/filter-values.ts
var numeric = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?$/;
var bigint = /^[+-]?\d{1,18}$/;
var timestamp = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;
function castable(cast, value) {
  if (cast === "numeric") return numeric.test(value);
  if (cast === "bigint") return bigint.test(value);
  const parts = timestamp.exec(value);
  if (!parts) return false;
  const [year, month, day, hours, minutes, seconds, offsetHours, offsetMinutes] = Array.from(
    { length: 8 },
    (_, i) => Number(parts[i + 1] ?? 0)
  );
  return isCalendarDay(year, month, day) && hours <= 23 && minutes <= 59 && seconds <= 59 && offsetHours <= 15 && offsetMinutes <= 59;
}
function isCalendarDay(year, month, day) {
  const calendar = /* @__PURE__ */ new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  return year >= 1 && calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

// server/src/modules/records/record-query.ts
var builtins = {
  createdAt: "created_at",
  updatedAt: "updated_at",
  number: "number"
};
var ops = ["eq", "ne", "lt", "lte", "gt", "gte", "contains", "in", "empty"];
var comparison = {
  eq: "=",
  ne: "<>",
  lt: "<",
  lte: "<=",
  gt: ">",
  gte: ">="
};
function buildRecordQuery(entity, body, query) {
  const where = { sql: "entity = ? and deleted_at is null", params: [entity] };
  for (const filter of query.filter ?? []) append(where, filterSql(body, filter));
  if (query.q?.trim())
    append(where, { sql: `search @@ websearch_to_tsquery('russian', ?)`, params: [query.q] });
  return { where, orderBy: orderSql(body, query) };
}
function append(target, part) {
  target.sql += ` and ${part.sql}`;
  target.params.push(...part.params);
}
function filterSql(body, filter) {
  const [fieldKey = "", opText = "", ...rest] = filter.split(":");
  const value = rest.join(":");
  const op = opText;
  if (!ops.includes(op))
    throw fail.badFilter(filter, {
      key: "filter_unknown_operator",
      params: { op: opText, ops: ops.join(", ") }
    });
  if (builtins[fieldKey]) return builtinFilter(fieldKey, builtins[fieldKey], op, value, filter);
  const field = body.fields.find((f) => f.key === fieldKey);
  if (!field) throw fail.badFilter(filter, { key: "filter_unknown_field", params: { field: fieldKey } });
  const text2 = { sql: "data->>?", params: [fieldKey] };
  if (op === "empty") {
    const empty = `(data->>? is null or data->>? = '')`;
    return { sql: value === "false" ? `not ${empty}` : empty, params: [fieldKey, fieldKey] };
  }
  if (op === "contains") {
    if (isArrayField(field))
      return { sql: `data->? @> ?::jsonb`, params: [fieldKey, JSON.stringify([value])] };
    return {
      sql: `${text2.sql} ilike ?`,
      params: [fieldKey, containsPattern(value)]
    };
  }
  if (op === "in") return { sql: `${text2.sql} = any(string_to_array(?, '|'))`, params: [fieldKey, value] };
  const cast = castFor(field);
  if (cast) checkValue(cast, value, filter);
  const left = cast ? `(data->>?)::${cast}` : text2.sql;
  return { sql: `${left} ${comparison[op]} ?${cast ? `::${cast}` : ""}`, params: [fieldKey, value] };
}
function builtinFilter(name, column, op, value, filter) {
  const sqlOp = comparison[op];
  if (!sqlOp)
    throw fail.badFilter(filter, { key: "filter_operator_unsupported", params: { op, field: name } });
  const cast = column === "number" ? "bigint" : "timestamptz";
  checkValue(cast, value, filter);
  return { sql: `${column} ${sqlOp} ?::${cast}`, params: [value] };
}
function checkValue(cast, value, filter) {
  if (castable(cast, value)) return;
  const key2 = cast === "numeric" ? "filter_not_number" : cast === "bigint" ? "filter_not_whole_number" : "filter_not_date";
  throw fail.badFilter(filter, { key: key2, params: { value } });
}
function orderSql(body, query) {
  if (!query.sort) {
    if (query.q?.trim())
      return {
        sql: `ts_rank(search, websearch_to_tsquery('russian', ?)) desc, created_at desc, id`,
        params: [query.q]
      };
    return { sql: "created_at desc, id", params: [] };
  }
  const direction = query.sort.startsWith("-") ? "desc" : "asc";
  const key2 = query.sort.replace(/^-/, "");
  if (builtins[key2]) return { sql: `${builtins[key2]} ${direction}, id`, params: [] };
  const field = body.fields.find((f) => f.key === key2);
  if (!field || isArrayField(field)) throw fail.badSort(key2);
  if (field.type === "enum")
    return {
      sql: `array_position(string_to_array(?, chr(31)), data->>?) ${direction} nulls last, id`,
      params: [field.options.map((o) => o.value).join(""), key2]
    };
  const cast = castFor(field);
  return { sql: `${cast ? `(data->>?)::${cast}` : "data->>?"} ${direction} nulls last, id`, params: [key2] };
}
function castFor(field) {
  if (field.type === "number" || field.type === "money") return "numeric";
  if (field.type === "date") return "date";
  if (field.type === "datetime") return "timestamptz";
  return void 0;
}
function isArrayField(field) {
  const options4 = field;
  return field.type === "table" || options4.many === true || options4.multiple === true;
}

// server/src/modules/records/validator-cache.ts
import { compileRecordValidator as compileRecordValidator2 } from "@opora/runtime/definitions";
var ValidatorCache = class {
  cache = /* @__PURE__ */ new Map();
  get(entity, version, body, locale) {
    const key2 = `${entity}@${version}:${locale}`;
    let validator = this.cache.get(key2);
    if (!validator) {
      validator = compileRecordValidator2(body, locale);
      this.cache.set(key2, validator);
    }
    return validator;
  }
};

// server/src/modules/records/record-service.ts
var RecordService = class _RecordService {
  constructor(db, definitions, clock) {
    this.db = db;
    this.definitions = definitions;
    this.clock = clock;
    this.access = new RecordAccess(db);
  }
  db;
  definitions;
  clock;
  validators = new ValidatorCache();
  saveChecks = [];
  savedListeners = [];
  access;
  /** Who reads when a caller names nobody: set by {@link actingAs}; unset, such a read is a programming error. */
  reader;
  /**
   * The same service (same checks and listeners) reading as `actor` wherever a caller leaves the actor out, as
   * the script SDK does: a script reads exactly what the identity it runs as may read.
   */
  actingAs(actor) {
    return Object.assign(Object.create(_RecordService.prototype), this, { reader: actor });
  }
  async create(entity, input, actor, locale, options4 = {}) {
    const run = async (tx) => {
      const published = await this.entity(entity, tx);
      if (!options4.grantedBy) {
        const owner = await this.access.ownerFor(entity, published.body, actor, "create", tx);
        if (owner) this.refuseForeignLinks(published.body, owner, input, locale);
      }
      const data = applyDefaults(published.body, input);
      this.validate(entity, published, data, locale, false);
      await this.checkUnique(tx, entity, published.body, data, null, locale);
      await this.runSaveChecks({ tx, entity, body: published.body, data, before: null, actor, locale });
      const now = dateOf(this.clock);
      const record = Object.assign(new RecordEntity(), {
        id: options4.id ?? randomUUID25(),
        entity,
        number: await this.nextNumber(tx, entity),
        entityVersion: published.version,
        data,
        title: recordTitle2(published.body, data),
        searchText: searchableText2(published.body, data),
        createdBy: actor?.name ?? null,
        createdById: actor?.id ?? null,
        updatedBy: actor?.name ?? null,
        createdAt: now,
        updatedAt: now
      });
      tx.persist(record);
      audit(tx, actor, {
        action: "create",
        targetType: "record",
        targetId: record.id,
        entity,
        after: data,
        at: now
      });
      await this.emitSaved({ tx, entity, before: null, after: data, record: recordView(record), actor });
      return record;
    };
    return recordView(options4.em ? await run(options4.em) : await this.db.transaction(run));
  }
  /** Lets another module refuse saves it knows to be wrong (see {@link RecordSaveCheck}). */
  addSaveCheck(check) {
    this.saveChecks.push(check);
  }
  /**
   * Lets another module react to every create and update, whoever writes (form, API, script, process), inside
   * the same transaction: what it writes commits or rolls back with the save; a listener that throws refuses it.
   */
  onSaved(listener) {
    this.savedListeners.push(listener);
  }
  /**
   * One record, if the actor may read it: 403 when the type is closed to them, 404 when it is not theirs.
   * `em`: read inside the caller's transaction.
   */
  async get(entity, id, actor, em = this.db.em()) {
    const who = this.who(actor);
    if (!who) return recordView(await this.find(em, entity, id));
    const { body } = await this.entity(entity, em);
    const owner = await this.access.ownerFor(entity, body, who, "read", em);
    const record = await this.find(em, entity, id);
    this.refuseUnowned(entity, body, owner, record);
    return recordView(record);
  }
  /**
   * Applies a partial change to the fields given (or, with `replace`, sets the whole data, as a submitted form
   * does); the result is validated against the latest entity version.
   */
  async update(entity, id, version, patch, actor, locale, options4 = {}) {
    const run = async (tx) => {
      const published = await this.entity(entity, tx);
      const owner = options4.grantedBy ? null : await this.access.ownerFor(entity, published.body, actor, "update", tx);
      const record = await this.find(tx, entity, id, true);
      this.refuseUnowned(entity, published.body, owner, record);
      if (owner) this.refuseForeignLinks(published.body, owner, patch, locale);
      if (record.version !== version) throw fail.versionConflict(version, record.version);
      const data = options4.replace ? { ...patch } : { ...record.data, ...patch };
      this.validate(entity, published, data, locale, false);
      const moves = transitionProblems(published.body, record.data, data, locale);
      if (moves.length)
        throw fail.validation(
          moves.map((p) => ({ pointer: `/data${p.pointer}`, message: p.message, code: p.code }))
        );
      await this.checkUnique(tx, entity, published.body, data, id, locale);
      const before = record.data;
      const now = dateOf(this.clock);
      await this.runSaveChecks({ tx, entity, body: published.body, data, before, actor, locale });
      Object.assign(record, {
        data,
        entityVersion: published.version,
        title: recordTitle2(published.body, data),
        searchText: searchableText2(published.body, data),
        version: record.version + 1,
        updatedAt: now,
        updatedBy: actor?.name ?? null
      });
      audit(tx, actor, {
        action: "update",
        targetType: "record",
        targetId: id,
        entity,
        before,
        after: data,
        at: now
      });
      const saved = recordView(record);
      await this.emitSaved({ tx, entity, before, after: data, record: saved, actor });
      return saved;
    };
    return options4.em ? run(options4.em) : this.db.transaction(run);
  }
  async remove(entity, id, version, actor) {
    await this.db.transaction(async (tx) => {
      const { body } = await this.entity(entity, tx);
      const owner = await this.access.ownerFor(entity, body, actor, "delete", tx);
      const record = await this.find(tx, entity, id, true);
      this.refuseUnowned(entity, body, owner, record);
      if (record.version !== version) throw fail.versionConflict(version, record.version);
      const now = dateOf(this.clock);
      Object.assign(record, {
        deletedAt: now,
        version: record.version + 1,
        updatedBy: actor?.name ?? null
      });
      audit(tx, actor, {
        action: "delete",
        targetType: "record",
        targetId: id,
        entity,
        before: record.data,
        at: now
      });
    });
  }
  /** A page of the records the actor may read (a client's own only, where the type says so). */
  async list(entity, query, actor) {
    const who = this.who(actor);
    const em = this.db.em();
    const published = await this.entity(entity, em);
    const owner = await this.access.ownerFor(entity, published.body, who, "read", em);
    const { orderBy, ...built } = buildRecordQuery(entity, published.body, query);
    const where = owner ? and(built.where, this.access.ownedSql(entity, published.body, owner)) : built.where;
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const rows = await this.db.query(
      `select ${recordColumns}, count(*) over () as total from record where ${where.sql}
       order by ${orderBy.sql} limit ? offset ?`,
      [...where.params, ...orderBy.params, limit, offset]
    );
    let total = Number(rows[0]?.total ?? 0);
    if (!rows.length && offset > 0) {
      const [counted2] = await this.db.query(
        `select count(*) as total from record where ${where.sql}`,
        where.params
      );
      total = Number(counted2?.total ?? 0);
    }
    return { items: rows.map(recordRowView), total, limit, offset };
  }
  /**
   * The audit trail of a record the actor may read. Staff only: it names colleagues and every value ever held,
   * which a client's own history («Мои обращения») deliberately does not.
   */
  async history(entity, id, limit, offset, actor) {
    const who = this.who(actor);
    const em = this.db.em();
    if (who && !who.roles.some((role) => staff.includes(role))) throw fail.forbidden();
    if (who) this.access.scope(entity, (await this.entity(entity, em)).body, who, "read");
    await this.find(em, entity, id, false, true);
    const [rows, total] = await em.findAndCount(
      AuditEntryEntity,
      { targetType: "record", targetId: id },
      { orderBy: { id: "desc" }, limit, offset }
    );
    return { items: rows.map(auditView), total, limit, offset };
  }
  /** The actor a read is for: the one named, else the one this instance acts as. */
  who(actor) {
    if (actor !== void 0) return actor;
    if (this.reader !== void 0) return this.reader;
    throw new Error("a record read must name its actor (null for the server itself)");
  }
  refuseUnowned(entity, body, owner, record) {
    if (owner && !this.access.owns(entity, body, owner, record))
      throw fail.notFound(`${entity} ${record.id}`);
  }
  refuseForeignLinks(body, owner, data, locale) {
    const fields = this.access.foreignLinks(body, owner, data);
    if (fields.length) throw fail.foreignClientLink(fields, message(locale, "foreign_client_link"));
  }
  async entity(key2, em) {
    const published = await this.definitions.latestPublished("entity", key2, em);
    if (!published) throw fail.entityNotPublished(key2);
    return { version: published.version, body: published.body };
  }
  validate(entity, published, data, locale, partial) {
    const problems = this.validators.get(
      entity,
      published.version,
      published.body,
      locale
    )(data, { partial });
    if (problems.length)
      throw fail.validation(
        problems.map((p) => ({ pointer: `/data${p.pointer}`, message: p.message, code: p.code }))
      );
  }
  /** Fields marked unique: checked under a per-entity advisory lock so two concurrent saves cannot both pass. */
  async checkUnique(tx, entity, body, data, selfId, locale) {
    const unique = body.fields.filter(
      (f) => f.unique && data[f.key] !== void 0 && data[f.key] !== null && data[f.key] !== ""
    );
    if (!unique.length) return;
    await this.db.query("select pg_advisory_xact_lock(hashtext(?))", [`record-unique:${entity}`], tx);
    for (const field of unique) {
      const clash = await this.db.query(
        `select 1 from record where entity = ? and deleted_at is null and data->? = ?::jsonb and id <> ? limit 1`,
        [
          entity,
          field.key,
          JSON.stringify(data[field.key]),
          selfId ?? "00000000-0000-0000-0000-000000000000"
        ],
        tx
      );
      if (clash.length) {
        const label = field.label[locale] ?? field.label.ru;
        throw fail.validation([
          {
            pointer: `/data/${field.key}`,
            message: locale === "ru" ? `\u0417\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \xAB${label}\xBB \u0443\u0436\u0435 \u0437\u0430\u043D\u044F\u0442\u043E` : `"${label}" is already taken`,
            code: "unique"
          }
        ]);
      }
    }
  }
  async runSaveChecks(save) {
    for (const check of this.saveChecks) {
      const problems = await check(save);
      if (problems.length)
        throw fail.validation(
          problems.map((p) => ({ pointer: `/data${p.pointer}`, message: p.message, code: p.code }))
        );
    }
  }
  async emitSaved(saved) {
    for (const listener of this.savedListeners) await listener(saved);
  }
  async nextNumber(tx, entity) {
    const rows = await this.db.query(
      `insert into record_counter (entity, last_number) values (?, 1)
       on conflict (entity) do update set last_number = record_counter.last_number + 1 returning last_number`,
      [entity],
      tx
    );
    return Number(rows[0].last_number);
  }
  async find(em, entity, id, forUpdate = false, includeDeleted = false) {
    const record = await em.findOne(
      RecordEntity,
      { id, entity, ...includeDeleted ? {} : { deletedAt: null } },
      forUpdate ? { lockMode: LockMode2.PESSIMISTIC_WRITE } : {}
    );
    if (!record) throw fail.notFound(`${entity} ${id}`);
    return record;
  }
};
var and = (a, b) => ({
  sql: `${a.sql} and ${b.sql}`,
  params: [...a.params, ...b.params]
});

// server/src/modules/records/record-types.ts
import { accessScope as accessScope6, recordOperations } from "@opora/runtime/definitions";
var RecordTypes = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async all() {
    return (await publishedOfKind(this.db, "entity")).map((p) => ({ ...p, body: p.body }));
  }
  /** The types the actor may read, each with how far each operation reaches for them (screens hide the rest). */
  async summaries(actor) {
    const items = [];
    for (const t of await this.all()) {
      const access = Object.fromEntries(
        recordOperations.map((operation) => [operation, accessScope6(t.body, actor.roles, operation)])
      );
      if (access.read === "none") continue;
      items.push({
        key: t.key,
        version: t.version,
        label: t.body.label,
        pluralLabel: t.body.pluralLabel ?? null,
        access
      });
    }
    return { items };
  }
};

// server/src/modules/records/related-records.ts
import { accessScope as accessScope7 } from "@opora/runtime/definitions";
var RelatedRecords = class {
  constructor(types, records) {
    this.types = types;
    this.records = records;
  }
  types;
  records;
  async of(entity, id, limit, actor) {
    await this.records.get(entity, id, actor);
    const items = [];
    for (const type of await this.types.all()) {
      if (actor && accessScope7(type.body, actor.roles, "read") === "none") continue;
      for (const field of type.body.fields) {
        if (field.type !== "relation" || field.entity !== entity) continue;
        const filter = `${field.key}:${field.many ? "contains" : "eq"}:${id}`;
        const page = await this.records.list(type.key, { filter: [filter], limit }, actor);
        items.push({
          entity: type.key,
          entityLabel: type.body.pluralLabel ?? type.body.label,
          field: field.key,
          fieldLabel: field.label,
          many: field.many === true,
          total: page.total,
          items: page.items
        });
      }
    }
    return { items };
  }
};

// server/src/modules/records/related-routes.ts
import { literals as literals5 } from "@opora/runtime/definitions";
import { Type as Type44 } from "@sinclair/typebox";
var tags25 = ["records"];
var LText2 = Type44.Object({ ru: Type44.String(), en: Type44.Optional(Type44.String()) });
var Scope = literals5(["all", "own", "none"]);
var relatedRoutes = async (app, { types, related }) => {
  const config3 = { access: "authenticated" };
  app.get(
    "/record-types",
    {
      config: config3,
      schema: {
        tags: tags25,
        summary: "The published data types the caller may read, with how far each operation reaches for them (all, own, none)",
        response: {
          200: Type44.Object({
            items: Type44.Array(
              Type44.Object({
                key: Type44.String(),
                version: Type44.Integer(),
                label: LText2,
                pluralLabel: Type44.Union([LText2, Type44.Null()]),
                access: Type44.Object({ read: Scope, create: Scope, update: Scope, delete: Scope })
              })
            )
          }),
          ...errorResponses
        }
      }
    },
    (request) => types.summaries(request.actor)
  );
  app.get(
    "/records/:entity/:id/related",
    {
      config: config3,
      schema: {
        tags: tags25,
        summary: "Records of other types whose relation fields point at this record, per type and field",
        params: Type44.Object(
          { entity: Type44.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" }), id: Uuid },
          { additionalProperties: false }
        ),
        querystring: Type44.Object(
          { limit: Type44.Optional(Type44.Integer({ minimum: 1, maximum: 50, default: 10 })) },
          { additionalProperties: false }
        ),
        response: {
          200: Type44.Object({
            items: Type44.Array(
              Type44.Object({
                entity: Type44.String(),
                entityLabel: LText2,
                field: Type44.String(),
                fieldLabel: LText2,
                many: Type44.Boolean(),
                total: Type44.Integer(),
                items: Type44.Array(RecordSchema)
              })
            )
          }),
          ...errorResponses
        }
      }
    },
    (request) => related.of(request.params.entity, request.params.id, request.query.limit ?? 10, request.actor)
  );
};

// server/src/modules/records/index.ts
var recordsModule = fp25(
  async (app) => {
    const records = new RecordService(app.db, app.definitions, app.clock);
    app.decorate("records", records);
    await app.register(recordRoutes, { prefix: apiPrefix, records });
    const types = new RecordTypes(app.db);
    await app.register(relatedRoutes, {
      prefix: apiPrefix,
      types,
      related: new RelatedRecords(types, records)
    });
  },
  { name: "records", dependencies: ["definitions"] }
);

// server/src/modules/request-threads/index.ts
import fp26 from "fastify-plugin";

// server/src/channels/portal/portal-mail-adapter.ts
import {
  replyAboveMarker as replyAboveMarker2,
  textWithNumberedButtons as textWithNumberedButtons2
} from "@opora/runtime/conversations";
var capabilities4 = {
  buttons: false,
  files: false,
  typing: false,
  readReceipts: false,
  maxTextLength: 1e5
};
var PortalMailAdapter = class {
  constructor(mailer) {
    this.mailer = mailer;
  }
  mailer;
  type = "portal";
  capabilities() {
    return capabilities4;
  }
  async parseInbound() {
    return { ok: false, reason: "a request thread takes messages from the account and the e-mail channel" };
  }
  async send(settings, outbound) {
    const messageId = `<${outbound.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, "")}.thread@${settings.domain}>`;
    const to = outbound.to.email;
    if (!to) return { externalMessageId: messageId };
    const thread = outbound.thread.filter((id) => /^<[^<>\s]+>$/.test(id)).slice(-20);
    const subject = outbound.subject ?? "\u041E\u0442\u0432\u0435\u0442 \u043F\u043E \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044E";
    await this.mailer.send({
      to,
      subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
      text: mailText(settings, textWithNumberedButtons2(outbound.message)),
      messageId,
      ...settings.replyTo ? { replyTo: settings.replyTo } : {},
      ...thread.length ? { inReplyTo: thread.at(-1), references: thread } : {}
    });
    return { externalMessageId: messageId };
  }
};
function mailText(settings, text2) {
  const where = settings.accountUrl ? `

\u0412\u0441\u044F \u043F\u0435\u0440\u0435\u043F\u0438\u0441\u043A\u0430 \u043F\u043E \u043E\u0431\u0440\u0430\u0449\u0435\u043D\u0438\u044E \u2014 \u0432 \u043B\u0438\u0447\u043D\u043E\u043C \u043A\u0430\u0431\u0438\u043D\u0435\u0442\u0435: ${settings.accountUrl}` : "";
  if (!settings.replyTo) return `${text2}${where}

\u041E\u0442\u0432\u0435\u0442\u0438\u0442\u044C \u043C\u043E\u0436\u043D\u043E \u0432 \u043B\u0438\u0447\u043D\u043E\u043C \u043A\u0430\u0431\u0438\u043D\u0435\u0442\u0435 \u043D\u0430 \u043F\u043E\u0440\u0442\u0430\u043B\u0435.
`;
  return `${replyAboveMarker2}

${text2}${where}
`;
}

// server/src/modules/request-threads/open-thread.ts
import { randomUUID as randomUUID26 } from "node:crypto";
var portalChannelKey = "portal";
var requestIdentity = (requestId) => `request:${requestId}`;
async function findThread(db, requestId, em) {
  const [row] = await db.query(
    `select * from conversation where request_record_id = ? and channel = 'portal'`,
    [requestId],
    em
  );
  return row ? conversationView(row) : null;
}
async function openThread(db, tx, request, party, now) {
  const [contact] = await db.query(
    `insert into contact (id, channel, channel_key, external_id, display_name, email, client_record_id,
       created_at, updated_at)
     values (?, 'portal', ?, ?, ?, ?, ?, ?, ?)
     on conflict (channel_key, external_id) do update set updated_at = excluded.updated_at
     returning id`,
    [
      randomUUID26(),
      portalChannelKey,
      requestIdentity(request.id),
      party.displayName?.slice(0, 200) || null,
      party.email,
      party.clientRecordId,
      now,
      now
    ],
    tx
  );
  if (!contact) throw new Error("contact upsert returned no row");
  await db.query(
    `insert into conversation (id, channel, channel_key, contact_id, client_record_id, request_record_id, subject,
       status, handler, opened_at, last_message_at)
     values (?, 'portal', ?, ?, ?, ?, ?, 'open', 'queue', ?, ?)
     on conflict (request_record_id) where channel = 'portal' do nothing`,
    [
      randomUUID26(),
      portalChannelKey,
      contact.id,
      party.clientRecordId,
      request.id,
      `\u2116${request.number} ${request.title}`.slice(0, 300),
      now,
      now
    ],
    tx
  );
  const thread = await findThread(db, request.id, tx);
  if (!thread) throw new Error(`thread of request ${request.id} was neither inserted nor found`);
  return thread;
}
async function followClient(db, tx, requestId, party, now) {
  await db.query(
    `update conversation set client_record_id = ? where request_record_id = ? and channel = 'portal'`,
    [party.clientRecordId, requestId],
    tx
  );
  await db.query(
    `update contact set client_record_id = ?, email = coalesce(email, ?), updated_at = ?
      where channel_key = ? and external_id = ?`,
    [party.clientRecordId, party.email, now, portalChannelKey, requestIdentity(requestId)],
    tx
  );
}

// server/src/modules/request-threads/client-reply.ts
var portal = { type: "portal", key: portalChannelKey };
async function clientReply(deps, tx, thread, input, now) {
  const { db, hub } = deps;
  const locked = await lockConversation(db, tx, thread.id);
  const externalId = `${locked.id}:${input.clientMessageId}`;
  if (!await claimInbound(db, tx, portal.key, externalId, now)) {
    const earlier = await earlierInbound(db, tx, portal.key, externalId);
    if (earlier) return earlier;
    throw new Error(`portal message ${externalId} was claimed without a message`);
  }
  const reopened = await reopen(db, tx, locked);
  const message2 = await appendInbound(
    db,
    tx,
    portal,
    reopened,
    {
      from: { externalId: `request:${thread.requestRecordId}` },
      externalMessageId: externalId,
      message: { text: input.text, parts: [], attachments: [] },
      files: []
    },
    now
  );
  await pushMessage(hub, db, tx, reopened, message2);
  return message2;
}
async function reopen(db, tx, thread) {
  if (thread.status === "open") return thread;
  const [row] = await db.query(
    `update conversation set status = 'open', handler = 'queue', closed_at = null, resolved_at = null
      where id = ? returning *`,
    [thread.id],
    tx
  );
  return row ? conversationView(row) : thread;
}

// server/src/modules/request-threads/thread-party.ts
import { comparableEmail as comparableEmail2 } from "@opora/runtime/conversations";
async function threadParty(db, tx, scope, data) {
  const clientRecordId = relationIds(data[scope.account.requestClient])[0] ?? null;
  const emailFields = scope.body?.fields.filter((f) => f.type === "email").map((f) => f.key) ?? [];
  const written = emailFields.map((key2) => data[key2]).find((v) => typeof v === "string" && !!v);
  const [user] = clientRecordId ? await db.query(
    "select email, name from app_user where record_id = ? and active order by created_at limit 1",
    [clientRecordId],
    tx
  ) : [];
  const email = comparableEmail2(written) ?? comparableEmail2(user?.email ?? void 0) ?? null;
  return { clientRecordId, email, displayName: user?.name ?? null };
}

// server/src/modules/request-threads/request-threads.ts
var maxMessages = 500;
var RequestThreads = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  /** The thread of a request the staff member may read (the data type's access rights decide). */
  async forStaff(entity, id, actor) {
    const conversation = await this.staffThread(entity, id, actor);
    return { conversation, messages: await this.messages(conversation.id, true) };
  }
  async answer(entity, id, input, actor) {
    const conversation = await this.staffThread(entity, id, actor);
    return this.deps.conversations.answer(
      conversation.id,
      {
        authorKind: "operator",
        internal: input.internal,
        clientMessageId: input.clientMessageId,
        message: { text: input.text, parts: [], attachments: [] }
      },
      actor
    );
  }
  /** The public messages of one of the client's own requests; another's is not there for them (404). */
  async forClient(actor, id) {
    const conversation = await this.clientThread(actor, id);
    return { conversation, messages: await this.messages(conversation.id, false) };
  }
  async clientWrites(actor, id, input) {
    const conversation = await this.clientThread(actor, id);
    const { db, hub } = this.deps;
    return db.transaction((tx) => clientReply({ db, hub }, tx, conversation, input, dateOf(this.deps.clock)));
  }
  async staffThread(entity, id, actor) {
    const account = await portalAccount(this.deps.definitions);
    if (!account || entity !== account.requests) throw fail.notFound(`thread of ${entity}`);
    const record = await this.deps.records.get(entity, id, actor);
    return this.threadOf(record);
  }
  async clientThread(actor, id) {
    const { db, definitions } = this.deps;
    const missing = () => fail.notFound(`request ${id}`);
    const [account, clientId] = await Promise.all([portalAccount(definitions), linkedRecord(db, actor.id)]);
    if (!account || !clientId) throw missing();
    const owned = pointsAt(account.requestClient, clientId);
    const [row] = await db.query(
      `select ${recordColumns} from record where id = ? and entity = ? and deleted_at is null and ${owned.sql}`,
      [id, account.requests, ...owned.params]
    );
    if (!row) throw missing();
    return this.threadOf(recordRowView(row));
  }
  async threadOf(record) {
    const { db, definitions } = this.deps;
    const existing = await findThread(db, record.id);
    if (existing) return existing;
    return db.transaction(async (tx) => {
      const account = await portalAccount(definitions, tx);
      if (!account) throw fail.notFound(`thread of ${record.entity}`);
      const body = await publishedEntity(definitions, record.entity, tx);
      const party = await threadParty(db, tx, { account, body }, record.data);
      return openThread(db, tx, record, party, dateOf(this.deps.clock));
    });
  }
  async messages(conversationId, withNotes) {
    const rows = await this.deps.db.query(
      `select * from (select * from message where conversation_id = ? and (? or not internal)
         order by seq desc limit ?) newest order by seq`,
      [conversationId, withNotes, maxMessages]
    );
    return rows.map(messageView);
  }
};

// server/src/modules/request-threads/support-mailbox.ts
async function supportMailbox(db, em) {
  const [row] = await db.query(
    `select v.body #>> '{settings,address}' as address
       from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
      where d.kind = 'channel' and d.status <> 'archived' and v.body #>> '{settings,type}' = 'email'
      order by d.key limit 1`,
    [],
    em
  );
  return row?.address ?? null;
}

// server/src/modules/request-threads/thread-listener.ts
function threadListener(deps) {
  const { db, definitions } = deps;
  return async ({ tx, entity, before, after, record }) => {
    const account = await portalAccount(definitions, tx);
    if (!account || entity !== account.requests) return;
    const client = account.requestClient;
    const moved = before !== null && relationIds(before[client]).join() !== relationIds(after[client]).join();
    if (before !== null && !moved) return;
    const body = await publishedEntity(definitions, entity, tx);
    const party = await threadParty(db, tx, { account, body }, after);
    const now = dateOf(deps.clock);
    await tx.flush();
    if (before === null)
      await openThread(db, tx, { id: record.id, number: record.number, title: record.title }, party, now);
    else await followClient(db, tx, record.id, party, now);
  };
}

// server/src/modules/request-threads/thread-routes.ts
import { messageLimits as messageLimits11 } from "@opora/runtime/conversations";
import { Type as Type45 } from "@sinclair/typebox";
var tags26 = ["conversations"];
var ThreadSchema = Type45.Object({ conversation: ConversationSchema, messages: Type45.Array(MessageSchema) });
var RecordParams2 = Type45.Object(
  { entity: Type45.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" }), id: Uuid },
  { additionalProperties: false }
);
var ClientMessageInput = Type45.Object(
  {
    text: Type45.String({ minLength: 1, maxLength: messageLimits11.text, pattern: "\\S" }),
    clientMessageId: Type45.String({ minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$" })
  },
  { additionalProperties: false }
);
var threadRoutes = async (app, { threads }) => {
  const actor = (request) => request.actor;
  app.get(
    "/records/:entity/:id/thread",
    {
      config: { access: contactCentre },
      schema: {
        tags: tags26,
        summary: "A request\u2019s thread with the client: every message, internal notes included",
        params: RecordParams2,
        response: { 200: ThreadSchema, ...errorResponses }
      }
    },
    (request) => threads.forStaff(request.params.entity, request.params.id, actor(request))
  );
  app.post(
    "/records/:entity/:id/thread",
    {
      config: { access: contactCentre },
      schema: {
        tags: tags26,
        summary: "Answer the client in a request\u2019s thread (also mailed to them) or leave an internal note",
        params: RecordParams2,
        body: AnswerInputSchema,
        response: { 201: MessageSchema, ...errorResponses }
      }
    },
    async (request, reply) => {
      const { entity, id } = request.params;
      return reply.status(201).send(await threads.answer(entity, id, request.body, actor(request)));
    }
  );
  app.get(
    "/portal/my/requests/:id/messages",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["portal"],
        summary: "The thread of one of the caller\u2019s requests: their messages and the specialists\u2019 answers",
        params: IdParams,
        response: { 200: ThreadSchema, ...errorResponses }
      }
    },
    (request) => threads.forClient(actor(request), request.params.id)
  );
  app.post(
    "/portal/my/requests/:id/messages",
    {
      // A person types a few messages a minute; more is a script flooding the specialists' queue.
      config: { access: ["client"], rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: {
        tags: ["portal"],
        summary: "Write in the thread of one of the caller\u2019s requests; a repeated clientMessageId stores once",
        params: IdParams,
        body: ClientMessageInput,
        response: { 201: MessageSchema, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(await threads.clientWrites(actor(request), request.params.id, request.body))
  );
};

// server/src/modules/request-threads/index.ts
var requestThreadsModule = fp26(
  async (app) => {
    const { db, definitions, records, clock, settings } = app;
    records.onSaved(threadListener({ db, definitions, clock }));
    const adapter = new PortalMailAdapter(app.mailer);
    const publicUrl = settings.publicUrl?.replace(/\/+$/, "");
    const domain = publicUrl ? new URL(publicUrl).hostname : "opora.local";
    app.channels.register(portalChannelKey, async (em) => ({
      type: "portal",
      adapter,
      settings: {
        replyTo: await supportMailbox(db, em),
        domain,
        ...publicUrl ? { accountUrl: `${publicUrl}/account` } : {}
      }
    }));
    const threads = new RequestThreads({
      db,
      definitions,
      records,
      conversations: app.conversations,
      hub: app.liveHub,
      clock
    });
    await app.register(threadRoutes, { prefix: apiPrefix, threads });
  },
  { name: "request-threads", dependencies: ["conversations", "portal-account"] }
);

// server/src/modules/scripts/index.ts
import fp27 from "fastify-plugin";

// server/src/adapters/sandbox/sandbox-pool.ts
import { fork } from "node:child_process";
import { performance as performance5 } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import {
  bridgeLimits,
  CallGate,
  runMessage,
  ScriptHostBusy,
  valueShapeProblem
} from "@opora/runtime/scripts";

// server/src/adapters/sandbox/protocol.ts
var bootDelayOption = "--boot-delay-ms=";
var setupDelayOption = "--setup-delay-ms=";

// server/src/adapters/sandbox/sandbox-pool.ts
var workerScript = fileURLToPath(new URL("./sandbox-worker.ts", import.meta.url));
var SandboxPool = class {
  workers = [];
  queue = [];
  nextId = 1;
  turn = 0;
  closed = false;
  failedBoots = 0;
  options;
  constructor(options4 = {}) {
    this.options = {
      size: 2,
      graceMs: 3e3,
      runsPerWorker: 4,
      maxQueued: 200,
      queueTimeoutMs: 12e4,
      bootTimeoutMs: 12e4,
      setupTimeoutMs: 6e4,
      workerBootDelayMs: 0,
      workerSetupDelayMs: 0,
      ...options4
    };
    for (let i = 0; i < this.options.size; i++) this.workers.push(this.spawn());
  }
  run(request, sdk) {
    if (this.closed) return Promise.reject(new Error("the sandbox pool is closed"));
    if (this.queue.length >= this.options.maxQueued)
      return Promise.reject(new ScriptHostBusy(this.queue.length));
    const id = this.nextId++;
    return new Promise((resolve4) => {
      if (valueShapeProblem(request.input, bridgeLimits.maxValueDepth))
        return resolve4(
          failed(request, "invalid_input", "input_too_deep", 0, { depth: bridgeLimits.maxValueDepth })
        );
      const expiry = setTimeout(() => this.expire(id), this.options.queueTimeoutMs);
      expiry.unref();
      this.queue.push({ id, request, sdk, resolve: resolve4, expiry });
      this.dispatch();
    });
  }
  /** Worker process ids, for tests and diagnostics. */
  pids() {
    return this.workers.map((w) => w.child.pid ?? 0);
  }
  /** Resolves once every worker has reported ready (start-up warm-up, tests). */
  async ready() {
    while (!this.closed && this.workers.some((w) => !w.ready))
      await new Promise((resolve4) => setTimeout(resolve4, 20));
  }
  async close() {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.expiry);
      job.resolve(failed(job.request, "sandbox_unavailable", "sandbox_unavailable", 0, { seconds: 0 }));
    }
    await Promise.all(
      this.workers.map(
        (w) => new Promise((done) => {
          clearTimeout(w.bootTimer);
          if (w.child.exitCode !== null || w.child.signalCode !== null) return done();
          w.child.once("exit", () => done());
          if (w.child.connected) w.child.disconnect();
          else w.child.kill("SIGKILL");
        })
      )
    );
  }
  /** Hands queued runs to ready workers with room, least loaded first, ties in turn. */
  dispatch() {
    while (this.queue.length) {
      const worker = this.pickWorker();
      if (!worker) return;
      const job = this.queue.shift();
      clearTimeout(job.expiry);
      this.start(worker, job);
    }
  }
  pickWorker() {
    let best;
    let bestIndex = 0;
    for (let step = 0; step < this.workers.length; step++) {
      const index = (this.turn + step) % this.workers.length;
      const worker = this.workers[index];
      if (!worker.ready || worker.runs.size >= this.options.runsPerWorker) continue;
      if (!best || worker.runs.size < best.runs.size) {
        best = worker;
        bestIndex = index;
      }
    }
    if (best) this.turn = (bestIndex + 1) % this.workers.length;
    return best;
  }
  start(worker, job) {
    const deadline = setTimeout(() => this.abandon(worker), this.options.setupTimeoutMs);
    deadline.unref();
    const run = {
      ...job,
      deadline,
      started: performance5.now(),
      gate: new CallGate(bridgeLimits.sdkCallsInFlight, bridgeLimits.sdkCallsWaiting),
      running: false,
      finished: false
    };
    worker.runs.set(job.id, run);
    try {
      worker.child.send({ type: "run", id: job.id, request: job.request });
    } catch {
      this.finish(worker, run, failed(job.request, "sandbox_crashed", "sandbox_crashed", 0));
    }
  }
  spawn() {
    const options4 = [
      `${bootDelayOption}${this.options.workerBootDelayMs}`,
      `${setupDelayOption}${this.options.workerSetupDelayMs}`
    ];
    const child = fork(workerScript, options4, {
      execArgv: ["--no-node-snapshot", "--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"]
    });
    const bootTimer = setTimeout(() => child.kill("SIGKILL"), this.options.bootTimeoutMs);
    bootTimer.unref();
    const worker = { child, ready: false, runs: /* @__PURE__ */ new Map(), bootTimer };
    child.on("message", (message2) => this.onMessage(worker, message2));
    child.on("exit", () => this.onExit(worker));
    child.on("error", () => {
    });
    return worker;
  }
  onMessage(worker, message2) {
    if (message2.type === "ready") {
      clearTimeout(worker.bootTimer);
      worker.ready = true;
      this.failedBoots = 0;
      this.dispatch();
    } else if (message2.type === "started") {
      const run = worker.runs.get(message2.id);
      if (run && !run.finished) this.clockStarts(worker, run);
    } else if (message2.type === "result") {
      const run = worker.runs.get(message2.id);
      if (run) this.finish(worker, run, message2.result);
    } else if (message2.type === "sdk") {
      const run = worker.runs.get(message2.id);
      if (run) void this.answerSdk(worker, run, message2);
    }
  }
  /** The run's code begins: from now on its own time limit (and the grace past it) bounds the worker. */
  clockStarts(worker, run) {
    clearTimeout(run.deadline);
    run.running = true;
    run.started = performance5.now();
    run.deadline = setTimeout(
      () => this.abandon(worker),
      run.request.limits.timeoutMs + this.options.graceMs
    );
    run.deadline.unref();
  }
  /**
   * Carries out one SDK call of a run through the run's gate; the answer is always a JSON text.
   * Never rejects: whatever goes wrong, the script's call is answered (or its worker is already gone).
   */
  async answerSdk(worker, run, message2) {
    const locale = run.request.locale ?? "ru";
    const refusal2 = (key2, params = {}) => JSON.stringify({ error: runMessage(locale, key2, params) });
    let json2;
    try {
      const args = parseArguments(message2.argsJson);
      if (!Array.isArray(args) || valueShapeProblem(args, bridgeLimits.maxValueDepth + 1))
        json2 = refusal2("sdk_bad_call");
      else
        json2 = await run.gate.run(() => this.carryOut(run, message2.op, args)) ?? refusal2("sdk_too_many_waiting", { count: bridgeLimits.sdkCallsWaiting });
    } catch {
      json2 = refusal2("sdk_bad_call");
    }
    if (!worker.child.connected) return;
    try {
      worker.child.send({
        type: "sdk-answer",
        id: message2.id,
        callId: message2.callId,
        json: json2
      });
    } catch {
    }
  }
  async carryOut(run, op, args) {
    const locale = run.request.locale ?? "ru";
    if (run.finished) return JSON.stringify({ error: runMessage(locale, "sdk_bad_call") });
    try {
      const value = await run.sdk(op, args) ?? null;
      if (valueShapeProblem(value, bridgeLimits.maxValueDepth))
        return JSON.stringify({
          error: runMessage(locale, "sdk_answer_too_deep", { depth: bridgeLimits.maxValueDepth })
        });
      return JSON.stringify({ value });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  finish(worker, run, result) {
    if (run.finished) return;
    run.finished = true;
    clearTimeout(run.deadline);
    worker.runs.delete(run.id);
    run.resolve(result);
    this.dispatch();
  }
  /** A worker that does not answer in time is killed; its runs fail and a fresh worker takes its place. */
  abandon(worker) {
    for (const run of [...worker.runs.values()])
      this.finish(
        worker,
        run,
        failed(
          run.request,
          run.running ? "timeout" : "sandbox_unavailable",
          "sandbox_stopped",
          run.running ? performance5.now() - run.started : 0
        )
      );
    worker.child.kill("SIGKILL");
  }
  onExit(worker) {
    clearTimeout(worker.bootTimer);
    const wasReady = worker.ready;
    worker.ready = false;
    for (const run of [...worker.runs.values()])
      this.finish(
        worker,
        run,
        failed(run.request, "sandbox_crashed", "sandbox_crashed", performance5.now() - run.started)
      );
    const index = this.workers.indexOf(worker);
    if (index < 0 || this.closed) return;
    const pauseMs = wasReady ? 0 : Math.min(3e4, 250 * 2 ** this.failedBoots);
    if (!wasReady) this.failedBoots += 1;
    const replace = () => {
      if (!this.closed) this.workers[index] = this.spawn();
    };
    if (pauseMs) setTimeout(replace, pauseMs).unref();
    else replace();
  }
  /** A run that waited too long for a ready worker fails without having started. */
  expire(id) {
    const index = this.queue.findIndex((job2) => job2.id === id);
    if (index < 0) return;
    const [job] = this.queue.splice(index, 1);
    job.resolve(
      failed(job.request, "sandbox_unavailable", "sandbox_unavailable", this.options.queueTimeoutMs, {
        seconds: Math.round(this.options.queueTimeoutMs / 1e3)
      })
    );
  }
};
function failed(request, code, key2, durationMs, params = {}) {
  return {
    ok: false,
    error: { code, message: runMessage(request.locale ?? "ru", key2, params) },
    logs: [],
    logsTruncated: false,
    durationMs,
    cpuMs: 0,
    memoryBytes: 0,
    sdkCalls: 0
  };
}
function parseArguments(json2) {
  try {
    return JSON.parse(json2);
  } catch {
    return void 0;
  }
}

// server/src/modules/scripts/script-publish.ts
import { ioSchemaError, typeDiagnosticText } from "@opora/runtime/scripts";
import { scriptSdkDeclarations } from "@opora/sdk/scripts";

// server/src/adapters/script-toolchain/compile.ts
import { transform } from "esbuild";
async function compileScript(source, filename = "script.ts") {
  try {
    const result = await transform(source, {
      loader: "ts",
      format: "cjs",
      target: "es2022",
      sourcemap: "external",
      sourcefile: filename,
      logLevel: "silent"
    });
    return { ok: true, script: { code: result.code, sourceMap: result.map } };
  } catch (error) {
    const errors = error.errors ?? [];
    if (!errors.length) throw error;
    return {
      ok: false,
      problems: errors.map((e) => ({
        line: e.location?.line ?? 1,
        column: (e.location?.column ?? 0) + 1,
        message: e.text
      }))
    };
  }
}

// server/src/adapters/script-toolchain/syntax-text.ts
var russian = [
  [/^Expected "([\s\S]*)" but found "([\s\S]*)"$/, "\u041E\u0436\u0438\u0434\u0430\u0435\u0442\u0441\u044F \xAB{0}\xBB, \u0430 \u043D\u0430\u0439\u0434\u0435\u043D\u043E \xAB{1}\xBB"],
  [/^Expected "([\s\S]*)" but found end of file$/, "\u041E\u0436\u0438\u0434\u0430\u0435\u0442\u0441\u044F \xAB{0}\xBB, \u0430 \u043A\u043E\u0434 \u0437\u0430\u043A\u043E\u043D\u0447\u0438\u043B\u0441\u044F"],
  [/^Expected identifier but found "([\s\S]*)"$/, "\u041E\u0436\u0438\u0434\u0430\u0435\u0442\u0441\u044F \u0438\u043C\u044F, \u0430 \u043D\u0430\u0439\u0434\u0435\u043D\u043E \xAB{0}\xBB"],
  [/^Unexpected "([\s\S]*)"$/, "\u041D\u0435\u043E\u0436\u0438\u0434\u0430\u043D\u043D\u043E\u0435 \xAB{0}\xBB"],
  [/^Unexpected end of file$/, "\u041A\u043E\u0434 \u043D\u0435\u043E\u0436\u0438\u0434\u0430\u043D\u043D\u043E \u0437\u0430\u043A\u043E\u043D\u0447\u0438\u043B\u0441\u044F"],
  [/^Unterminated string literal$/, "\u0421\u0442\u0440\u043E\u043A\u0430 \u043D\u0435 \u0437\u0430\u043A\u0440\u044B\u0442\u0430 \u043A\u0430\u0432\u044B\u0447\u043A\u043E\u0439"],
  [/^Unterminated template literal$/, "\u0428\u0430\u0431\u043B\u043E\u043D\u043D\u0430\u044F \u0441\u0442\u0440\u043E\u043A\u0430 \u043D\u0435 \u0437\u0430\u043A\u0440\u044B\u0442\u0430"]
];
function syntaxErrorText(message2, locale) {
  if (locale === "en") return `Syntax error: ${message2}`;
  for (const [pattern, text2] of russian) {
    const match = pattern.exec(message2);
    if (match)
      return `\u0421\u0438\u043D\u0442\u0430\u043A\u0441\u0438\u0447\u0435\u0441\u043A\u0430\u044F \u043E\u0448\u0438\u0431\u043A\u0430: ${text2.replace(/\{(\d)\}/g, (_whole, i) => match[Number(i) + 1] ?? "")}`;
  }
  return `\u0421\u0438\u043D\u0442\u0430\u043A\u0441\u0438\u0447\u0435\u0441\u043A\u0430\u044F \u043E\u0448\u0438\u0431\u043A\u0430: ${message2}`;
}

// server/src/adapters/script-toolchain/type-check.ts
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
var scriptFile = "/script.ts";
var sdkFile = "/opora-sdk.d.ts";
var options3 = {
  strict: true,
  noImplicitAny: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  isolatedModules: true,
  lib: ["lib.es2022.d.ts"],
  types: []
};
var sharedFiles = /* @__PURE__ */ new Map();
var libDirectory = path.dirname(ts.getDefaultLibFilePath(options3));
function sharedFile(fileName, read) {
  const cached = sharedFiles.get(fileName);
  if (cached) return cached;
  const text2 = read();
  if (text2 === void 0) return void 0;
  const file = ts.createSourceFile(fileName, text2, ts.ScriptTarget.ES2022, true);
  sharedFiles.set(fileName, file);
  return file;
}
function readLib(fileName) {
  try {
    return readFileSync(path.join(libDirectory, path.basename(fileName)), "utf8");
  } catch {
    return void 0;
  }
}
function typeCheckScript(source, sdkDeclarations) {
  const script = ts.createSourceFile(scriptFile, source, ts.ScriptTarget.ES2022, true);
  const host = {
    getSourceFile: (fileName) => {
      if (fileName === scriptFile) return script;
      if (fileName === sdkFile) return sharedFile(`sdk:${sdkDeclarations}`, () => sdkDeclarations);
      return sharedFile(fileName, () => readLib(fileName));
    },
    getDefaultLibFileName: (o) => path.join(libDirectory, ts.getDefaultLibFileName(o)),
    getDefaultLibLocation: () => libDirectory,
    writeFile: () => {
    },
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) => f === scriptFile || f === sdkFile || readLib(f) !== void 0,
    readFile: (f) => f === scriptFile ? source : f === sdkFile ? sdkDeclarations : readLib(f)
  };
  const program = ts.createProgram([scriptFile, sdkFile], options3, host);
  const diagnostics = [...program.getSyntacticDiagnostics(script), ...program.getSemanticDiagnostics(script)];
  return diagnostics.map((d) => {
    const start = d.file && d.start !== void 0 ? d.file.getLineAndCharacterOfPosition(d.start) : void 0;
    return {
      line: (start?.line ?? 0) + 1,
      column: (start?.character ?? 0) + 1,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n")
    };
  });
}

// server/src/modules/scripts/script-publish.ts
var sourceDetail = (p, code) => ({
  pointer: "/source",
  message: `${p.line}:${p.column} ${p.message}`,
  code
});
function scriptPublishing(db) {
  return {
    async check(body, locale) {
      const script = body;
      const details = [];
      for (const key2 of ["inputSchema", "outputSchema"]) {
        const error = ioSchemaError(script[key2]);
        if (error) details.push({ pointer: `/${key2}`, message: error, code: "schema" });
      }
      const compiled = await compileScript(script.source);
      if (!compiled.ok)
        return [
          ...details,
          ...compiled.problems.map(
            (p) => sourceDetail({ ...p, message: syntaxErrorText(p.message, locale) }, "compile")
          )
        ];
      return [
        ...details,
        ...typeCheckScript(script.source, scriptSdkDeclarations).map(
          (p) => sourceDetail({ ...p, message: typeDiagnosticText(p.code, p.message, locale) }, "type")
        )
      ];
    },
    async published(tx, { definitionId, version, body }) {
      const compiled = await compileScript(body.source);
      if (!compiled.ok) throw new Error("a script that passed its checks failed to compile");
      await db.query(
        "insert into script_build (definition_id, version, code, source_map) values (?, ?, ?, ?)",
        [definitionId, version, compiled.script.code, compiled.script.sourceMap],
        tx
      );
    }
  };
}

// server/src/modules/scripts/script-routes.ts
import { Type as Type46 } from "@sinclair/typebox";
var Limits = Type46.Object(
  {
    memoryMb: Type46.Optional(Type46.Integer({ minimum: 8, maximum: 512 })),
    timeoutMs: Type46.Optional(Type46.Integer({ minimum: 10, maximum: 6e4 })),
    cpuMs: Type46.Optional(Type46.Integer({ minimum: 10, maximum: 3e4 })),
    maxOutputBytes: Type46.Optional(Type46.Integer({ minimum: 1 })),
    maxLogBytes: Type46.Optional(Type46.Integer({ minimum: 1 })),
    maxSdkCalls: Type46.Optional(Type46.Integer({ minimum: 1 }))
  },
  { additionalProperties: false }
);
var RunResultSchema = Type46.Object({
  ok: Type46.Boolean(),
  output: Type46.Optional(Type46.Unknown()),
  error: Type46.Optional(
    Type46.Object({
      code: Type46.String(),
      message: Type46.String(),
      line: Type46.Optional(Type46.Integer()),
      column: Type46.Optional(Type46.Integer()),
      stack: Type46.Optional(Type46.String())
    })
  ),
  logs: Type46.Array(Type46.Object({ level: Type46.String(), message: Type46.String() })),
  logsTruncated: Type46.Boolean(),
  durationMs: Type46.Number(),
  cpuMs: Type46.Number(),
  memoryBytes: Type46.Number(),
  sdkCalls: Type46.Integer()
});
var RunSchema = Type46.Object({
  id: Uuid,
  script: Type46.String(),
  version: Type46.Union([Type46.Integer(), Type46.Null()]),
  trigger: Type46.String(),
  triggeredBy: Type46.Union([Type46.String(), Type46.Null()]),
  startedAt: Type46.String({ format: "date-time" }),
  durationMs: Type46.Number(),
  cpuMs: Type46.Number(),
  memoryBytes: Type46.Number(),
  sdkCalls: Type46.Integer(),
  outcome: Type46.String(),
  error: Type46.Union([Type46.Unknown(), Type46.Null()]),
  logs: Type46.Array(Type46.Object({ level: Type46.String(), message: Type46.String() })),
  logsTruncated: Type46.Boolean()
});
var runLocale = (request) => {
  const header = request.headers["accept-language"];
  return header ? localeFrom(header) : requestLocale(request);
};
var scriptRoutes = async (app, { scripts }) => {
  app.post(
    "/scripts/test-run",
    {
      config: { access: ["admin", "developer"] },
      schema: {
        tags: ["scripts"],
        summary: "Compile and run TypeScript in the sandbox with sample input (as the calling user)",
        body: Type46.Object(
          {
            source: Type46.String({ minLength: 1, maxLength: 2e5 }),
            input: Type46.Optional(Type46.Unknown()),
            limits: Type46.Optional(Limits),
            /** The integrations the draft declares: ctx.http.fetch may call these. */
            integrations: Type46.Optional(Type46.Array(Type46.String({ maxLength: 63 }), { maxItems: 50 }))
          },
          { additionalProperties: false }
        ),
        response: { 200: RunResultSchema, ...errorResponses }
      }
    },
    (request) => scripts.testRun(
      request.body.source,
      request.body.input ?? null,
      { limits: request.body.limits ?? {}, integrations: request.body.integrations ?? [] },
      request.actor,
      runLocale(request)
    )
  );
  app.post(
    "/scripts/:key/run",
    {
      config: { access: staff },
      schema: {
        tags: ["scripts"],
        summary: "Run the latest published version as the caller (input and output checked against its schemas; recorded)",
        params: Type46.Object({ key: Type46.String({ maxLength: 63 }) }, { additionalProperties: false }),
        body: Type46.Object({ input: Type46.Optional(Type46.Unknown()) }, { additionalProperties: false }),
        response: {
          200: Type46.Intersect([RunResultSchema, Type46.Object({ runId: Uuid, version: Type46.Integer() })]),
          ...errorResponses
        }
      }
    },
    (request) => scripts.runPublished(
      request.params.key,
      request.body.input ?? null,
      { kind: "api", by: request.actor?.name ?? null },
      request.actor,
      runLocale(request)
    )
  );
  app.get(
    "/scripts/runs",
    {
      config: { access: ["admin", "developer", "supervisor"] },
      schema: {
        tags: ["scripts"],
        summary: "Recorded production runs, newest first",
        querystring: Type46.Object(
          {
            script: Type46.Optional(Type46.String({ maxLength: 63 })),
            outcome: Type46.Optional(Type46.String({ maxLength: 40 })),
            limit: Type46.Optional(Type46.Integer({ minimum: 1, maximum: 200 })),
            offset: Type46.Optional(Type46.Integer({ minimum: 0, maximum: maxOffset }))
          },
          { additionalProperties: false }
        ),
        response: { 200: PageOf(RunSchema), ...errorResponses }
      }
    },
    (request) => scripts.runs.list(request.query)
  );
  app.get(
    "/scripts/runs/:id",
    {
      config: { access: ["admin", "developer", "supervisor"] },
      schema: {
        tags: ["scripts"],
        summary: "One recorded run with its logs",
        params: Type46.Object({ id: Uuid }, { additionalProperties: false }),
        response: { 200: RunSchema, ...errorResponses }
      }
    },
    async (request) => {
      const run = await scripts.runs.get(request.params.id);
      if (!run) throw fail.notFound(`script run ${request.params.id}`);
      return run;
    }
  );
};

// server/src/modules/scripts/script-service.ts
import {
  bridgeLimits as bridgeLimits4,
  effectiveLimits,
  ioProblems,
  runMessage as runMessage4,
  ScriptHostBusy as ScriptHostBusy2,
  valueShapeProblem as valueShapeProblem4
} from "@opora/runtime/scripts";

// server/src/modules/scripts/run-admission.ts
import { CallGate as CallGate2 } from "@opora/runtime/scripts";
var defaultAdmission = { running: 8, waiting: 64, perUser: 4 };
var RunAdmission = class {
  constructor(limits = defaultAdmission) {
    this.limits = limits;
    this.gate = new CallGate2(limits.running, limits.waiting);
  }
  limits;
  gate;
  perUser = /* @__PURE__ */ new Map();
  /** Runs `task` when its turn comes; `user` (when given) counts against that user's share. */
  async admit(user, task) {
    const mine = user === void 0 ? 0 : this.perUser.get(user) ?? 0;
    if (user !== void 0 && mine >= this.limits.perUser)
      throw new AppError(429, "too_many_script_runs", "script_runs_per_user", { count: this.limits.perUser });
    const queued = this.gate.run(task);
    if (!queued) throw new AppError(503, "scripts_busy", "scripts_busy", { count: this.limits.waiting });
    if (user === void 0) return queued;
    this.perUser.set(user, mine + 1);
    try {
      return await queued;
    } finally {
      const left = (this.perUser.get(user) ?? 1) - 1;
      if (left > 0) this.perUser.set(user, left);
      else this.perUser.delete(user);
    }
  }
};

// server/src/modules/scripts/script-runs.ts
import { randomUUID as randomUUID27 } from "node:crypto";

// server/src/adapters/sandbox/host-bridge.ts
import {
  bridgeLimits as bridgeLimits2,
  CallGate as CallGate3,
  runMessage as runMessage2,
  valueShapeProblem as valueShapeProblem2
} from "@opora/runtime/scripts";
var ellipsis = "\u2026";
var encoder = new TextEncoder();
function fitBytes(text2, bytes) {
  if (text2.length * 3 <= bytes || encoder.encode(text2).length <= bytes) return text2;
  const room = bytes - encoder.encode(ellipsis).length;
  if (room <= 0) return "";
  const { read } = encoder.encodeInto(text2, new Uint8Array(room));
  return `${text2.slice(0, read)}${ellipsis}`;
}

// server/src/modules/scripts/script-runs.ts
var json = (value) => typeof value === "string" ? JSON.parse(value) : value;
var view4 = (row) => ({
  id: row.id,
  script: row.script_key,
  version: row.script_version,
  trigger: row.trigger,
  triggeredBy: row.triggered_by,
  startedAt: new Date(row.started_at).toISOString(),
  durationMs: Number(row.duration_ms),
  cpuMs: Number(row.cpu_ms),
  memoryBytes: Number(row.memory_bytes),
  sdkCalls: row.sdk_calls,
  outcome: row.outcome,
  error: json(row.error) ?? null,
  logs: json(row.logs) ?? [],
  logsTruncated: row.logs_truncated
});
var storable = (text2) => text2.replaceAll("\0", "\uFFFD");
var keptLogBytes = 16 * 1024;
function truncatedLogs(result) {
  const kept = [];
  let room = keptLogBytes;
  let cut = false;
  for (const line of result.logs) {
    if (room <= 0) break;
    const whole = storable(line.message);
    const message2 = fitBytes(whole, room);
    if (message2 !== whole) cut = true;
    kept.push({ level: line.level, message: message2 });
    room -= Buffer.byteLength(message2) + 1;
  }
  return { logs: kept, truncated: result.logsTruncated || cut || kept.length < result.logs.length };
}
function storableError(error) {
  return {
    ...error,
    message: storable(error.message),
    ...error.stack === void 0 ? {} : { stack: storable(error.stack) }
  };
}
var ScriptRunLog = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async record(key2, version, trigger, startedAt, result) {
    const id = randomUUID27();
    const { logs, truncated } = truncatedLogs(result);
    await this.db.query(
      `insert into script_run (id, script_key, script_version, trigger, triggered_by, started_at, duration_ms, cpu_ms,
         memory_bytes, sdk_calls, outcome, error, logs, logs_truncated)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        key2,
        version,
        trigger.kind,
        trigger.by,
        startedAt.toISOString(),
        result.durationMs,
        result.cpuMs,
        Math.round(result.memoryBytes),
        result.sdkCalls,
        result.ok ? "ok" : result.error.code,
        result.ok ? null : JSON.stringify(storableError(result.error)),
        JSON.stringify(logs),
        truncated
      ]
    );
    return id;
  }
  async list(query) {
    const { script, outcome, limit = 50, offset = 0 } = query;
    const where = [];
    const params = [];
    if (script) {
      where.push("script_key = ?");
      params.push(script);
    }
    if (outcome === "failed") where.push("outcome <> 'ok'");
    else if (outcome) {
      where.push("outcome = ?");
      params.push(outcome);
    }
    const filter = where.length ? `where ${where.join(" and ")}` : "";
    const rows = await this.db.query(
      `select * from script_run ${filter} order by started_at desc, id limit ? offset ?`,
      [...params, limit, offset]
    );
    const [count2] = await this.db.query(
      `select count(*) as total from script_run ${filter}`,
      params
    );
    return { items: rows.map(view4), total: Number(count2?.total ?? 0), limit, offset };
  }
  async get(id) {
    const [row] = await this.db.query("select * from script_run where id = ?", [id]);
    return row ? view4(row) : void 0;
  }
};

// server/src/modules/scripts/script-sdk.ts
import { bridgeLimits as bridgeLimits3, runMessage as runMessage3, valueShapeProblem as valueShapeProblem3 } from "@opora/runtime/scripts";

// server/src/modules/integrations/call-request-schema.ts
import { definitionKeyPattern as definitionKeyPattern5, secretNamePattern } from "@opora/runtime/definitions";
import { Type as Type47 } from "@sinclair/typebox";
var headerName = "^[A-Za-z0-9-]{1,100}$";
var SecretRef = Type47.Object(
  { $secret: Type47.String({ pattern: secretNamePattern }) },
  { additionalProperties: false }
);
var HeaderPart = Type47.Union([Type47.String({ maxLength: 8192 }), Type47.Number(), SecretRef]);
var IntegrationCallTarget = Type47.Object(
  {
    integration: Type47.String({ pattern: definitionKeyPattern5 }),
    path: Type47.String({ minLength: 1, maxLength: 2e3 })
  },
  { additionalProperties: false }
);
var IntegrationCallInit = Type47.Object(
  {
    method: Type47.Optional(
      Type47.Union(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].map((m) => Type47.Literal(m)))
    ),
    headers: Type47.Optional(
      Type47.Record(
        Type47.String({ pattern: headerName }),
        Type47.Union([HeaderPart, Type47.Array(HeaderPart, { maxItems: 20 })]),
        // A record keyed by a pattern lets other names through unless told otherwise.
        { maxProperties: 50, additionalProperties: false }
      )
    ),
    query: Type47.Optional(
      Type47.Record(
        Type47.String({ maxLength: 200 }),
        Type47.Union([Type47.String({ maxLength: 2e3 }), Type47.Number(), Type47.Boolean()]),
        { maxProperties: 100 }
      )
    ),
    body: Type47.Optional(Type47.Unknown())
  },
  { additionalProperties: false }
);

// server/src/modules/scripts/sdk-arguments.ts
var shownProblems = 10;
var validators = /* @__PURE__ */ new WeakMap();
var ArgumentCheck = class {
  constructor(locale) {
    this.locale = locale;
  }
  locale;
  problems = [];
  take(schema, value, prefix = "") {
    let validate = validators.get(schema);
    if (!validate) {
      validate = compileBodyValidator(schema);
      validators.set(schema, validate);
    }
    if (!validate(value))
      this.problems.push(...ajvErrorsToDetails(validate.errors ?? [], this.locale, prefix));
    return value;
  }
  /** Throws the validation error (as the API would answer it) when anything was wrong. */
  done() {
    if (!this.problems.length) return;
    const shown = this.problems.slice(0, shownProblems);
    const more = this.problems.length - shown.length;
    throw fail.validation(more > 0 ? [...shown, { pointer: "", message: `\u2026 +${more}` }] : shown);
  }
};
var object = (value) => value ?? {};
var sdkArguments = {
  "records.get"([entity, id], locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(RecordParams, { entity, id });
    check.done();
    return params;
  },
  "records.find"([entity, query], locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(EntityParams, { entity });
    const list = check.take(RecordListQuery, object(query), "/query");
    check.done();
    return { ...params, query: list };
  },
  "records.create"([entity, data], locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(EntityParams, { entity });
    const body = check.take(RecordCreateBody, { data });
    check.done();
    return { ...params, ...body };
  },
  "records.update"([entity, id, version, data], locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(RecordParams, { entity, id });
    const body = check.take(RecordUpdateBody, { version, data });
    check.done();
    return { ...params, ...body };
  },
  "records.delete"([entity, id, version], locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(RecordParams, { entity, id });
    const query = check.take(RecordDeleteQuery, { version });
    check.done();
    return { ...params, ...query };
  },
  "http.fetch"([integration, path2, init], locale) {
    const check = new ArgumentCheck(locale);
    const target = check.take(IntegrationCallTarget, { integration, path: path2 });
    const options4 = check.take(IntegrationCallInit, object(init), "/init");
    check.done();
    return { ...target, ...options4 };
  }
};

// server/src/modules/scripts/script-sdk.ts
var isSdkOperation = (op) => Object.hasOwn(sdkArguments, op);
function scriptSdk(context) {
  const { actor, records, caller, integrations, locale, scrubber, logFailure } = context;
  const operations = {
    "records.get": async (args) => {
      const { entity, id } = sdkArguments["records.get"](args, locale);
      return records.get(entity, id);
    },
    "records.find": async (args) => {
      const { entity, query } = sdkArguments["records.find"](args, locale);
      return records.list(entity, query);
    },
    "records.create": async (args) => {
      const { entity, data } = sdkArguments["records.create"](args, locale);
      return records.create(entity, data, actor, locale);
    },
    "records.update": async (args) => {
      const { entity, id, version, data } = sdkArguments["records.update"](args, locale);
      return records.update(entity, id, version, data, actor, locale);
    },
    "records.delete": async (args) => {
      const { entity, id, version } = sdkArguments["records.delete"](args, locale);
      await records.remove(entity, id, version, actor);
      return null;
    },
    "http.fetch": async (args) => {
      const call = sdkArguments["http.fetch"](args, locale);
      const response = await caller.call(
        {
          integration: call.integration,
          path: call.path,
          method: call.method ?? "GET",
          query: call.query,
          headers: call.headers,
          body: call.body
        },
        integrations,
        scrubber
      );
      return { status: response.status, headers: response.headers, text: response.text };
    }
  };
  return async (op, args) => {
    if (!isSdkOperation(op)) throw new Error(runMessage3(locale, "sdk_bad_call"));
    if (allows(staff, actor) !== "ok") throw new Error(message(locale, "forbidden"));
    const shape = valueShapeProblem3(args, bridgeLimits3.maxValueDepth + 1, { refuseNul: true });
    if (shape)
      throw new Error(
        shape.kind === "nul" ? runMessage3(locale, "sdk_value_nul") : runMessage3(locale, "sdk_value_too_deep", { depth: bridgeLimits3.maxValueDepth })
      );
    try {
      return await operations[op](args);
    } catch (error) {
      if (error instanceof AppError) {
        const details = error.details.map((d) => `${d.pointer}: ${d.message}`).join("; ");
        throw new Error(
          `${message(locale, error.messageKey, error.params)}${details ? ` (${details})` : ""}`
        );
      }
      if (error instanceof CallRefused) throw new Error(error.describe(locale));
      logFailure({ op, error });
      throw new Error(message(locale, "script_sdk_failed", { op }));
    }
  };
}

// server/src/modules/scripts/script-service.ts
var ScriptService = class {
  constructor(deps) {
    this.deps = deps;
    this.runs = new ScriptRunLog(deps.db);
    this.admission = new RunAdmission(deps.admission);
  }
  deps;
  host;
  builds = /* @__PURE__ */ new Map();
  admission;
  runs;
  /**
   * Starts the sandbox and the compiler now rather than on the first run (server start-up); resolves when both
   * are ready, so the first test-run waits for neither.
   */
  async warmUp() {
    this.host ??= this.deps.hostFactory();
    await Promise.all([this.host.ready?.(), compileScript("export default () => null")]);
  }
  async testRun(source, input, options4, actor, locale) {
    checkInputShape(input, locale);
    const compiled = await compileScript(source);
    if (!compiled.ok)
      throw fail.validation(
        compiled.problems.map((p) => ({
          pointer: "/source",
          message: `${p.line}:${p.column} ${syntaxErrorText(p.message, locale)}`,
          code: "compile"
        }))
      );
    return this.admission.admit(
      actor?.id ?? "anonymous",
      () => this.execute(compiled.script, input, options4.limits ?? {}, options4.integrations ?? [], actor, locale)
    );
  }
  /** Runs the latest published version of a script as `actor`: input and output checked, the run recorded. */
  async runPublished(key2, input, trigger, actor, locale) {
    const build = await this.build(key2);
    checkInputShape(input, locale);
    const inputProblems = ioProblems(build.body.inputSchema, input, locale);
    if (inputProblems.length)
      throw fail.validation(inputProblems.map((p) => ({ ...p, pointer: `/input${p.pointer}` })));
    const startedAt = dateOf(this.deps.clock);
    let result = await this.admission.admit(
      void 0,
      () => this.execute(
        build.script,
        input,
        build.body.limits ?? {},
        build.body.integrations ?? [],
        actor,
        locale
      )
    );
    if (result.ok) {
      const outputProblems = ioProblems(build.body.outputSchema, result.output, locale);
      if (outputProblems.length) {
        const { output: _dropped, ...rest } = result;
        result = {
          ...rest,
          ok: false,
          error: {
            code: "invalid_output",
            message: runMessage4(locale, "invalid_output", {
              problems: outputProblems.map((p) => `${p.pointer || "/"} ${p.message}`).join("; ")
            })
          }
        };
      }
    }
    const runId = await this.runs.record(key2, build.version, trigger, startedAt, result);
    return { ...result, runId, version: build.version };
  }
  async close() {
    await this.host?.close?.();
  }
  /**
   * One run in the sandbox with the SDK bound to `actor`. Whatever the run leaves behind (result, logs, error) is
   * masked against the secret values its HTTP calls could carry, before anyone sees or stores it.
   */
  async execute(script, input, limits, integrations, actor, locale) {
    this.host ??= this.deps.hostFactory();
    const scrubber = new SecretScrubber();
    const records = this.deps.records.actingAs(actor);
    const sdk = scriptSdk({
      actor,
      records,
      caller: this.deps.caller,
      integrations,
      locale,
      scrubber,
      logFailure: this.deps.logFailure ?? (() => {
      })
    });
    let result;
    try {
      result = await this.host.run(
        { script, input, limits: effectiveLimits(limits, this.deps.maxima), locale },
        sdk
      );
    } catch (error) {
      if (error instanceof ScriptHostBusy2)
        throw new AppError(503, "scripts_busy", "scripts_busy", { count: error.queued });
      throw error;
    }
    return scrubbed(result, scrubber);
  }
  /** The compiled output of the latest published version: memory, else the row stored at publish. */
  async build(key2) {
    const published = await this.deps.definitions.latestPublished("script", key2);
    if (!published) throw fail.scriptNotPublished(key2);
    const id = `${published.definitionId}:${published.version}`;
    const cached = this.builds.get(id);
    if (cached) return cached;
    const [row] = await this.deps.db.query(
      "select code, source_map from script_build where definition_id = ? and version = ?",
      [published.definitionId, published.version]
    );
    const body = published.body;
    let script;
    if (row) script = { code: row.code, sourceMap: row.source_map };
    else {
      const compiled = await compileScript(body.source);
      if (!compiled.ok) throw fail.scriptNotPublished(key2);
      script = compiled.script;
    }
    const build = { version: published.version, body, script };
    this.builds.set(id, build);
    return build;
  }
};
function checkInputShape(input, locale) {
  if (valueShapeProblem4(input, bridgeLimits4.maxValueDepth))
    throw fail.validation([
      {
        pointer: "/input",
        message: runMessage4(locale, "input_too_deep", { depth: bridgeLimits4.maxValueDepth }),
        code: "depth"
      }
    ]);
}
function scrubbed(result, scrubber) {
  if (scrubber.empty) return result;
  const logs = result.logs.map((line) => ({ ...line, message: scrubber.text(line.message) }));
  if (result.ok) return { ...result, logs, output: scrubber.value(result.output) };
  const { stack, ...error } = result.error;
  return {
    ...result,
    logs,
    error: {
      ...error,
      message: scrubber.text(error.message),
      ...stack === void 0 ? {} : { stack: scrubber.text(stack) }
    }
  };
}

// server/src/modules/scripts/index.ts
var scriptsModule = fp27(
  async (app) => {
    app.definitions.extend("script", scriptPublishing(app.db));
    const scripts = new ScriptService({
      db: app.db,
      hostFactory: () => new SandboxPool({ size: 2 }),
      records: app.records,
      definitions: app.definitions,
      caller: app.integrations,
      maxima: app.settings.scriptMaxima,
      clock: app.clock,
      logFailure: ({ op, error }) => app.log.error({ err: error, op }, "script SDK call failed")
    });
    app.decorate("scripts", scripts);
    app.addHook("onClose", () => scripts.close());
    app.addHook("onListen", () => {
      scripts.warmUp().catch((error) => app.log.error({ err: error }, "sandbox warm-up failed"));
    });
    await app.register(scriptRoutes, { prefix: apiPrefix, scripts });
  },
  { name: "scripts", dependencies: ["records", "integrations"] }
);

// server/src/modules/secrets/index.ts
import fp28 from "fastify-plugin";

// server/src/modules/secrets/secret-cipher.ts
import { createCipheriv, createDecipheriv, randomBytes as randomBytes5, scryptSync } from "node:crypto";
var format = "v1";
var SecretCipher = class _SecretCipher {
  constructor(key2) {
    this.key = key2;
  }
  key;
  static fromPassphrase(passphrase) {
    if (passphrase.length < 16) throw new Error("OPORA_SECRETS_KEY must be at least 16 characters long");
    return new _SecretCipher(scryptSync(passphrase, "opora-secrets-v1", 32));
  }
  encrypt(name, value) {
    const iv = randomBytes5(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(name));
    const data = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
    return [format, iv, cipher.getAuthTag(), data].map((p) => typeof p === "string" ? p : p.toString("base64")).join(":");
  }
  /** Throws when the key differs from the one the value was stored with (or the row was tampered with). */
  decrypt(name, stored2) {
    const [version, iv, tag, data] = stored2.split(":");
    if (version !== format || !iv || !tag || data === void 0)
      throw new Error(`secret "${name}" has an unknown format`);
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64"));
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
    } catch {
      throw new Error(
        `secret "${name}" cannot be decrypted: OPORA_SECRETS_KEY is not the key it was stored with`
      );
    }
  }
};

// server/src/modules/secrets/secret-routes.ts
import { secretNamePattern as secretNamePattern2 } from "@opora/runtime/definitions";
import { Type as Type48 } from "@sinclair/typebox";
var tags27 = ["secrets"];
var NameParams = Type48.Object(
  { name: Type48.String({ pattern: secretNamePattern2 }) },
  { additionalProperties: false }
);
var SecretSummarySchema = Type48.Object({
  name: Type48.String(),
  description: Type48.String(),
  updatedAt: Type48.String({ format: "date-time" }),
  updatedBy: Type48.Union([Type48.String(), Type48.Null()])
});
var secretRoutes = async (app, { secrets }) => {
  app.get(
    "/secrets",
    {
      // Developers see the names so their scripts and integrations can refer to them.
      config: { access: ["admin", "developer"] },
      schema: {
        tags: tags27,
        summary: "Secret names and when they were set (values are never returned)",
        querystring: Type48.Object(
          { q: Type48.Optional(Type48.String({ maxLength: 100 })) },
          { additionalProperties: false }
        ),
        response: { 200: Type48.Object({ items: Type48.Array(SecretSummarySchema) }), ...errorResponses }
      }
    },
    (request) => secrets.list(request.query.q)
  );
  app.put(
    "/secrets/:name",
    {
      config: { access: adminOnly },
      schema: {
        tags: tags27,
        summary: "Set a secret (encrypted at rest; the value cannot be read back)",
        params: NameParams,
        body: Type48.Object(
          {
            value: Type48.String({ minLength: 1, maxLength: 1e4 }),
            description: Type48.Optional(Type48.String({ maxLength: 500 }))
          },
          { additionalProperties: false }
        ),
        response: { 200: SecretSummarySchema, ...errorResponses }
      }
    },
    (request) => secrets.put(request.params.name, request.body.value, request.body.description, request.actor)
  );
  app.delete(
    "/secrets/:name",
    {
      config: { access: adminOnly },
      schema: {
        tags: tags27,
        summary: "Delete a secret",
        params: NameParams,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await secrets.remove(request.params.name);
      return reply.status(204).send(null);
    }
  );
};

// server/src/startup-error.ts
var StartupError = class extends Error {
};

// server/src/modules/secrets/secret-service.ts
var summary2 = (row) => ({
  name: row.name,
  description: row.description,
  updatedAt: new Date(row.updated_at).toISOString(),
  updatedBy: row.updated_by
});
var SecretService = class {
  constructor(db, cipher) {
    this.db = db;
    this.cipher = cipher;
  }
  db;
  cipher;
  /**
   * Start-up check: stored secrets need the key, and the key must be the one they were stored with. `source`
   * names where the key came from (see secrets-key.ts), so the message says which key is wrong.
   */
  async verifyKey(source = "the variable OPORA_SECRETS_KEY") {
    const [row] = await this.db.query("select * from secret order by name limit 1");
    if (!row) return;
    if (!this.cipher)
      throw new StartupError(
        `Secrets are stored in the database but ${source} is not set: start the server with the key they were saved with`
      );
    try {
      this.cipher.decrypt(row.name, row.cipher);
    } catch {
      throw new StartupError(
        `secret "${row.name}" cannot be decrypted: the key from ${source} is not the key it was stored with`
      );
    }
  }
  async list(q) {
    const rows = await this.db.query(
      q ? `select * from secret where name ilike ? order by name` : "select * from secret order by name",
      q ? [containsPattern(q)] : []
    );
    return { items: rows.map(summary2) };
  }
  async put(name, value, description, actor) {
    if (!this.cipher) throw fail.secretsKeyMissing();
    const cipher = this.cipher.encrypt(name, value);
    const [row] = await this.db.query(
      `insert into secret (name, description, cipher, updated_by) values (?, ?, ?, ?)
       on conflict (name) do update set cipher = excluded.cipher, updated_at = now(), updated_by = excluded.updated_by,
         description = coalesce(?, secret.description)
       returning *`,
      [name, description ?? "", cipher, actor?.name ?? null, description ?? null]
    );
    return summary2(row);
  }
  async remove(name) {
    const rows = await this.db.query("delete from secret where name = ? returning name", [
      name
    ]);
    if (!rows.length) throw fail.notFound(`secret ${name}`);
  }
  /**
   * For the gateway only: the decrypted values of the named secrets. A missing secret is an error, unless `skipMissing` (masking wants
   * whichever of an integration's secrets exist, and none when no key is configured).
   */
  async values(names, options4 = {}) {
    const values = /* @__PURE__ */ new Map();
    if (!names.length) return values;
    if (!this.cipher) {
      if (options4.skipMissing) return values;
      throw fail.secretsKeyMissing();
    }
    const rows = await this.db.query(
      "select * from secret where name = any(string_to_array(?, chr(31)))",
      [names.join("")],
      options4.em
    );
    for (const row of rows) values.set(row.name, this.cipher.decrypt(row.name, row.cipher));
    if (!options4.skipMissing) {
      for (const name of names) if (!values.has(name)) throw fail.secretMissing(name);
    }
    return values;
  }
};

// server/src/modules/secrets/index.ts
var secretsModule = fp28(
  async (app) => {
    const key2 = app.settings.secretsKey;
    const secrets = new SecretService(app.db, key2 ? SecretCipher.fromPassphrase(key2) : void 0);
    app.decorate("secrets", secrets);
    await app.register(secretRoutes, { prefix: apiPrefix, secrets });
  },
  { name: "secrets", dependencies: ["auth"] }
);

// server/src/modules/supervisor/index.ts
import fp29 from "fastify-plugin";

// server/src/modules/supervisor/supervisor-routes.ts
import { Type as Type50 } from "@sinclair/typebox";

// server/src/modules/supervisor/assign-by-supervisor.ts
async function assignBySupervisor(deps, conversationId, operatorId, actor) {
  const { db } = deps;
  const [row] = await db.query("select * from conversation where id = ?", [
    conversationId
  ]);
  if (!row) throw fail.notFound("conversation");
  const current = conversationView(row);
  const conversation = current.status === "open" && current.handler === "operator" && current.operatorId === operatorId ? current : await transferDialog(deps, conversationId, { operatorId }, actor, { overCapacity: true });
  const load = await db.transaction((tx) => operatorLoad(db, tx, operatorId));
  const line = conversation.lineKey ? await deps.lines.get(conversation.lineKey) : null;
  const capacity = load ? capacityFor(load, line?.body ?? null) : 0;
  const now = load?.load ?? 0;
  return { conversation, overCapacity: now > capacity, load: now, capacity };
}

// server/src/modules/supervisor/board-csat.ts
var today = (row) => {
  const count2 = Number(row?.n ?? 0);
  return { count: count2, average: count2 ? Math.round(Number(row.average) * 100) / 100 : null };
};
async function csatSince(db, from, to) {
  const rows = await db.query(
    `select s.line_key, s.operator_id, min(u.name) as name, grouping(s.line_key) = 0 as by_line,
        grouping(s.operator_id) = 0 as by_operator, count(*) as n, avg(s.score) as average
       from csat s left join app_user u on u.id = s.operator_id
      where s.score is not null and s.rated_at >= ? and s.rated_at < ?
      group by grouping sets ((s.line_key), (s.operator_id), ())`,
    [from, to]
  );
  const lines = /* @__PURE__ */ new Map();
  const operators = [];
  let total = today(void 0);
  for (const row of rows) {
    if (row.by_line && row.line_key) lines.set(row.line_key, today(row));
    else if (row.by_operator && row.operator_id)
      operators.push({ id: row.operator_id, name: row.name ?? "\u2014", ...today(row) });
    else if (!row.by_line && !row.by_operator) total = today(row);
  }
  operators.sort((a, b) => (b.average ?? 0) - (a.average ?? 0) || b.count - a.count);
  return { lines, operators, total };
}

// server/src/modules/supervisor/sla-targets.ts
var boardLines = (lines) => lines.filter((line) => !line.body.botOnly);
function targetsParam(lines) {
  return JSON.stringify(
    lines.map((line) => ({
      key: line.key,
      fr: line.body.sla?.firstResponseSeconds ?? null,
      res: line.body.sla?.resolutionSeconds ?? null
    }))
  );
}
var targetsTable = `jsonb_to_recordset(?::jsonb) as t(key text, fr integer, res integer)`;
var firstResponseDue = `(coalesce(c.queued_at, c.opened_at) + t.fr * interval '1 second')`;
var resolutionDue = `(c.opened_at + t.res * interval '1 second')`;
var firstResponseMissed = (now) => `(c.first_response_at is null and ${firstResponseDue} < ${now})`;
var resolutionMissed = (now) => `(${resolutionDue} < ${now})`;

// server/src/modules/supervisor/board-dialogs.ts
var iso6 = (value) => new Date(value).toISOString();
var isoOrNull2 = (value) => value == null ? null : iso6(value);
var due = (from, seconds) => from == null || seconds == null ? null : new Date(new Date(from).getTime() + Number(seconds) * 1e3);
async function boardDialogs(db, targets, now, limit) {
  const rows = await db.query(
    `select d.*, k.display_name, k.email, k.phone, u.name as operator_name
       from (select c.id, c.line_key, c.channel, c.handler, c.operator_id, c.contact_id, c.queued_at,
               c.assigned_at, c.opened_at, c.first_response_at, t.fr, t.res,
               row_number() over (partition by c.line_key
                 order by (c.handler = 'queue') desc, c.priority desc, coalesce(c.queued_at, c.opened_at), c.id) as n
              from conversation c join ${targetsTable} on t.key = c.line_key
             where c.status = 'open' and c.handler in ('queue', 'operator')) d
       join contact k on k.id = d.contact_id
       left join app_user u on u.id = d.operator_id
      where d.n <= ?
      order by d.line_key, d.n`,
    [targets, limit]
  );
  const byLine = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const firstResponseDue2 = row.first_response_at ? null : due(row.queued_at ?? row.opened_at, row.fr);
    const resolutionDue2 = due(row.opened_at, row.res);
    const past = (at) => at !== null && at.getTime() < now.getTime();
    const dialog = {
      id: String(row.id),
      clientName: row.display_name ?? row.email ?? row.phone ?? null,
      channel: row.channel,
      handler: row.handler,
      operatorId: row.operator_id == null ? null : String(row.operator_id),
      operatorName: row.operator_name == null ? null : String(row.operator_name),
      since: iso6(
        row.handler === "operator" ? row.assigned_at ?? row.opened_at : row.queued_at ?? row.opened_at
      ),
      queuedAt: isoOrNull2(row.queued_at),
      openedAt: iso6(row.opened_at),
      firstResponseAt: isoOrNull2(row.first_response_at),
      firstResponseDue: firstResponseDue2?.toISOString() ?? null,
      resolutionDue: resolutionDue2?.toISOString() ?? null,
      breach: past(firstResponseDue2) ? "first_response" : past(resolutionDue2) ? "resolution" : null
    };
    const key2 = String(row.line_key);
    const list = byLine.get(key2) ?? [];
    list.push(dialog);
    byLine.set(key2, list);
  }
  return byLine;
}

// server/src/modules/supervisor/day-start.ts
async function dayStart(db, now, timeZone) {
  const [row] = await db.query(
    `select (date_trunc('day', ?::timestamptz at time zone ?) at time zone ?) as start`,
    [now, timeZone, timeZone]
  );
  return new Date(row.start);
}

// server/src/modules/supervisor/board.ts
var dialogsPerLine = 200;
async function staffAtWork(db) {
  const rows = await db.query(
    `select u.id, u.name, p.status, p.capacity, p.groups, p.skills,
        (select count(*) from conversation c
          where c.operator_id = u.id and c.status = 'open' and c.handler = 'operator') as load
       from operator_profile p join app_user u on u.id = p.user_id and u.active
      where p.status in ('online', 'away')
      order by case p.status when 'online' then 0 else 1 end, u.name
      limit 500`
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    status: row.status,
    capacity: row.capacity == null ? null : Number(row.capacity),
    groups: fromPgArray(row.groups),
    skills: fromPgArray(row.skills),
    load: Number(row.load)
  }));
}
async function supervisorBoard(deps) {
  const { db } = deps;
  const now = dateOf(deps.clock);
  const lines = boardLines(await deps.lines.all()).sort(
    (a, b) => a.body.order - b.body.order || a.key.localeCompare(b.key)
  );
  const targets = targetsParam(lines);
  const start = await dayStart(db, now, deps.timeZone);
  const counts = await db.query(
    `select c.line_key,
        count(*) filter (where c.handler = 'queue') as waiting,
        min(c.queued_at) filter (where c.handler = 'queue') as oldest,
        count(*) filter (where c.handler = 'operator') as in_progress,
        count(*) filter (where ${firstResponseMissed("?::timestamptz")} or ${resolutionMissed("?::timestamptz")})
          as breaches
       from conversation c join ${targetsTable} on t.key = c.line_key
      where c.status = 'open' and c.handler in ('queue', 'operator')
      group by c.line_key`,
    [now, now, targets]
  );
  const byLine = new Map(counts.map((row) => [String(row.line_key), row]));
  const dialogs = await boardDialogs(db, targets, now, dialogsPerLine);
  const staff2 = await staffAtWork(db);
  const csat = await csatSince(db, start, new Date(now.getTime() + 1));
  const board = lines.map((line) => {
    const row = byLine.get(line.key);
    const oldest = row?.oldest == null ? null : new Date(row.oldest);
    return {
      key: line.key,
      title: line.body.title,
      sla: {
        firstResponseSeconds: line.body.sla?.firstResponseSeconds ?? null,
        resolutionSeconds: line.body.sla?.resolutionSeconds ?? null
      },
      waiting: Number(row?.waiting ?? 0),
      oldestQueuedAt: oldest?.toISOString() ?? null,
      longestWaitSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1e3)) : null,
      inProgress: Number(row?.in_progress ?? 0),
      breaches: Number(row?.breaches ?? 0),
      dialogs: dialogs.get(line.key) ?? [],
      operators: staff2.filter((member) => serves(member, line.body)).map((member) => ({
        id: member.id,
        name: member.name,
        status: member.status,
        load: member.load,
        capacity: capacityFor(member, line.body)
      })),
      csat: csat.lines.get(line.key) ?? { average: null, count: 0 }
    };
  });
  return {
    now: now.toISOString(),
    dayStart: start.toISOString(),
    timeZone: deps.timeZone,
    dialogsLimit: dialogsPerLine,
    lines: board,
    operatorsCsat: csat.operators.slice(0, 200),
    csat: csat.total
  };
}

// server/src/modules/supervisor/breaches.ts
async function todaysBreaches(deps, page) {
  const { db } = deps;
  const now = dateOf(deps.clock);
  const start = await dayStart(db, now, deps.timeZone);
  const targets = targetsParam(boardLines(await deps.lines.all()));
  const rows = await db.query(
    `with scoped as (
        select * from conversation where status = 'open' and handler <> 'bot'
        union all
        select * from conversation where status = 'closed' and closed_at >= ? and handler <> 'bot'),
      b as (
        select c.id, c.line_key, c.status, c.channel, c.operator_id, c.contact_id,
          'first_response' as kind, ${firstResponseDue} as due, coalesce(c.first_response_at, c.closed_at) as met
          from scoped c join ${targetsTable} on t.key = c.line_key
         where t.fr is not null
        union all
        select c.id, c.line_key, c.status, c.channel, c.operator_id, c.contact_id,
          'resolution' as kind, ${resolutionDue} as due, c.closed_at as met
          from scoped c join ${targetsTable} on t.key = c.line_key
         where t.res is not null)
     select b.*, k.display_name, k.email, k.phone, u.name as operator_name
       from b join contact k on k.id = b.contact_id left join app_user u on u.id = b.operator_id
      where b.due >= ? and b.due < ? and b.due < coalesce(b.met, ?)
      order by b.due desc, b.id, b.kind
      limit ? offset ?`,
    [start, targets, targets, start, now, now, page.limit + 1, page.offset]
  );
  const items = rows.slice(0, page.limit).map(
    (row) => ({
      conversationId: String(row.id),
      lineKey: String(row.line_key),
      kind: row.kind,
      dueAt: new Date(row.due).toISOString(),
      status: row.status,
      clientName: row.display_name ?? row.email ?? row.phone ?? null,
      channel: row.channel,
      operatorId: row.operator_id == null ? null : String(row.operator_id),
      operatorName: row.operator_name == null ? null : String(row.operator_name)
    })
  );
  return { items, hasMore: rows.length > page.limit, limit: page.limit, offset: page.offset };
}

// server/src/modules/supervisor/supervisor-schemas.ts
import { Type as Type49 } from "@sinclair/typebox";
var Nullable5 = (t) => Type49.Union([t, Type49.Null()]);
var Time = Type49.String({ format: "date-time" });
var Status4 = Type49.Union([Type49.Literal("online"), Type49.Literal("away"), Type49.Literal("offline")]);
var BreachKind = Type49.Union([Type49.Literal("first_response"), Type49.Literal("resolution")]);
var Channel = Type49.String();
var Csat = Type49.Object({ average: Nullable5(Type49.Number()), count: Type49.Integer() });
var BoardDialogSchema = Type49.Object({
  id: Uuid,
  clientName: Nullable5(Type49.String()),
  channel: Channel,
  handler: Type49.Union([Type49.Literal("queue"), Type49.Literal("operator")]),
  operatorId: Nullable5(Uuid),
  operatorName: Nullable5(Type49.String()),
  since: Time,
  queuedAt: Nullable5(Time),
  openedAt: Time,
  firstResponseAt: Nullable5(Time),
  firstResponseDue: Nullable5(Time),
  resolutionDue: Nullable5(Time),
  breach: Nullable5(BreachKind)
});
var BoardLineSchema = Type49.Object({
  key: Type49.String(),
  title: Type49.Object({ ru: Type49.String(), en: Type49.Optional(Type49.String()) }),
  sla: Type49.Object({
    firstResponseSeconds: Nullable5(Type49.Integer()),
    resolutionSeconds: Nullable5(Type49.Integer())
  }),
  waiting: Type49.Integer(),
  oldestQueuedAt: Nullable5(Time),
  longestWaitSeconds: Nullable5(Type49.Integer()),
  inProgress: Type49.Integer(),
  breaches: Type49.Integer(),
  dialogs: Type49.Array(BoardDialogSchema),
  operators: Type49.Array(
    Type49.Object({
      id: Uuid,
      name: Type49.String(),
      status: Status4,
      load: Type49.Integer(),
      capacity: Type49.Integer()
    })
  ),
  csat: Csat
});
var BoardSchema = Type49.Object({
  now: Time,
  dayStart: Time,
  timeZone: Type49.String(),
  dialogsLimit: Type49.Integer(),
  lines: Type49.Array(BoardLineSchema),
  operatorsCsat: Type49.Array(Type49.Composite([Type49.Object({ id: Uuid, name: Type49.String() }), Csat])),
  csat: Csat
});
var BreachPageSchema = Type49.Object({
  items: Type49.Array(
    Type49.Object({
      conversationId: Uuid,
      lineKey: Type49.String(),
      kind: BreachKind,
      dueAt: Time,
      status: Type49.Union([Type49.Literal("open"), Type49.Literal("closed")]),
      clientName: Nullable5(Type49.String()),
      channel: Channel,
      operatorId: Nullable5(Uuid),
      operatorName: Nullable5(Type49.String())
    })
  ),
  hasMore: Type49.Boolean(),
  limit: Type49.Integer(),
  offset: Type49.Integer()
});
var AssignInputSchema = Type49.Object({ operatorId: Uuid }, { additionalProperties: false });
var AssignmentSchema = Type49.Object({
  conversation: ConversationSchema,
  overCapacity: Type49.Boolean(),
  load: Type49.Integer(),
  capacity: Type49.Integer()
});

// server/src/modules/supervisor/supervisor-routes.ts
var tags28 = ["supervisor"];
var config = { access: ["admin", "supervisor"] };
var supervisorRoutes = async (app, { deps }) => {
  app.get(
    "/supervisor/board",
    {
      config,
      schema: {
        tags: tags28,
        summary: "Every published line: queue, longest wait, operators at work and their load, dialogs in progress with SLA state, today\u2019s ratings",
        response: { 200: BoardSchema, ...errorResponses }
      }
    },
    () => supervisorBoard(deps)
  );
  app.get(
    "/supervisor/breaches",
    {
      config,
      schema: {
        tags: tags28,
        summary: "Dialogs that missed a line\u2019s first-response or resolution target today, newest first",
        querystring: Type50.Object(
          {
            limit: Type50.Optional(Type50.Integer({ minimum: 1, maximum: 100, default: 30 })),
            offset: Type50.Optional(Type50.Integer({ minimum: 0, maximum: maxOffset, default: 0 }))
          },
          { additionalProperties: false }
        ),
        response: { 200: BreachPageSchema, ...errorResponses }
      }
    },
    (request) => todaysBreaches(deps, { limit: request.query.limit ?? 30, offset: request.query.offset ?? 0 })
  );
  app.post(
    "/supervisor/dialogs/:id/assign",
    {
      config,
      schema: {
        tags: tags28,
        summary: "Give a dialog to an operator (online and serving its line, else 409); may exceed their capacity \u2014 `overCapacity` says so",
        params: IdParams,
        body: AssignInputSchema,
        response: { 200: AssignmentSchema, ...errorResponses }
      }
    },
    (request) => assignBySupervisor(deps, request.params.id, request.body.operatorId, request.actor)
  );
};

// server/src/modules/supervisor/index.ts
var supervisorModule = fp29(
  async (app) => {
    const deps = {
      db: app.db,
      clock: app.clock,
      jobs: app.jobQueue,
      hub: app.liveHub,
      lines: app.publishedLines,
      timeZone: app.settings.timeZone
    };
    await app.register(supervisorRoutes, { prefix: apiPrefix, deps });
  },
  { name: "supervisor", dependencies: ["distribution", "csat"] }
);

// server/src/modules/system/index.ts
import fp30 from "fastify-plugin";

// server/src/modules/audit/audit-routes.ts
import { accessScope as accessScope8 } from "@opora/runtime/definitions";
import { Type as Type51 } from "@sinclair/typebox";
async function unreadableTypes(db, actor) {
  if (actor.roles.includes("admin")) return [];
  const types = await db.query(
    `select d.key, v.body from definition d
     join definition_version v on v.definition_id = d.id and v.version = d.latest_version
     where d.kind = 'entity'`
  );
  return types.filter((t) => {
    const body = typeof t.body === "string" ? JSON.parse(t.body) : t.body;
    return accessScope8(body, actor.roles, "read") === "none";
  }).map((t) => t.key);
}
var auditRoutes = async (app, { db }) => {
  app.get(
    "/audit",
    {
      config: { access: canAudit },
      schema: {
        tags: ["audit"],
        summary: "List audit entries",
        querystring: Type51.Object(
          {
            targetType: Type51.Optional(
              Type51.Union([Type51.Literal("record"), Type51.Literal("definition"), Type51.Literal("user")])
            ),
            targetId: Type51.Optional(Type51.String({ maxLength: 200 })),
            ...Paging
          },
          { additionalProperties: false }
        ),
        response: { 200: PageOf(AuditSchema), ...errorResponses }
      }
    },
    async (request) => {
      const { targetType, targetId, limit = 50, offset = 0 } = request.query;
      const hidden = await unreadableTypes(db, request.actor);
      const where = {
        ...targetType ? { targetType } : {},
        ...targetId ? { targetId } : {},
        ...hidden.length ? { $not: { targetType: "record", entity: { $in: hidden } } } : {}
      };
      const [rows, total] = await db.em().findAndCount(AuditEntryEntity, where, { orderBy: { id: "desc" }, limit, offset });
      return { items: rows.map(auditView), total, limit, offset };
    }
  );
};

// server/src/modules/system/health-routes.ts
import { Type as Type52 } from "@sinclair/typebox";
var healthRoutes = async (app, { db }) => {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Liveness",
        response: { 200: Type52.Object({ status: Type52.Literal("ok") }) }
      }
    },
    async () => ({ status: "ok" })
  );
  app.get(
    "/api/ready",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Readiness: the database answers",
        response: {
          200: Type52.Object({ status: Type52.String(), database: Type52.String() }),
          503: Type52.Object({ status: Type52.String(), database: Type52.String() })
        }
      }
    },
    async (_request, reply) => {
      const ok = await db.ping();
      return reply.status(ok ? 200 : 503).send({ status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unreachable" });
    }
  );
};

// server/src/modules/system/index.ts
var systemModule = fp30(
  async (app) => {
    await app.register(healthRoutes, { db: app.db });
    await app.register(infoRoutes, { prefix: apiPrefix, db: app.db, timeZone: app.settings.timeZone });
    await app.register(auditRoutes, { prefix: apiPrefix, db: app.db });
  },
  { name: "system", dependencies: ["auth"] }
);

// server/src/modules/trees/index.ts
import fp31 from "fastify-plugin";

// server/src/modules/trees/tree-publishing.ts
function treePublishing(db) {
  return {
    async check(body, locale, tx) {
      const tree = body;
      const leaves = tree.nodes.flatMap(
        (node, i) => node.leaf?.type === "article" ? [{ node, i, key: node.leaf.article }] : []
      );
      if (!leaves.length) return [];
      const rows = await db.query(
        "select key, state, audience from kb_article where key = any(?::text[])",
        [toPgArray([...new Set(leaves.map((l) => l.key))])],
        tx
      );
      const found = new Map(rows.map((r) => [r.key, r]));
      return leaves.flatMap(({ node, i, key: key2 }) => {
        const article = found.get(key2);
        const problem = !article ? "missing" : article.state !== "published" ? "unpublished" : article.audience === "staff" ? "staff" : null;
        return problem ? [
          {
            pointer: `/nodes/${i}/leaf/article`,
            code: "reference",
            message: articleMessage(problem, node.title.ru, node.id, key2, locale)
          }
        ] : [];
      });
    }
  };
}
function articleMessage(problem, title, id, key2, locale) {
  const node = locale === "en" ? `Node "${title}" (${id})` : `\u0423\u0437\u0435\u043B \xAB${title}\xBB (${id})`;
  const texts3 = {
    missing: {
      ru: `${node} \u0432\u0435\u0434\u0451\u0442 \u043A \u0441\u0442\u0430\u0442\u044C\u0435 \xAB${key2}\xBB, \u043A\u043E\u0442\u043E\u0440\u043E\u0439 \u043D\u0435\u0442 (\u0443\u0434\u0430\u043B\u0435\u043D\u0430?)`,
      en: `${node} leads to article "${key2}", which does not exist`
    },
    unpublished: {
      ru: `${node} \u0432\u0435\u0434\u0451\u0442 \u043A \u043D\u0435\u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D\u043D\u043E\u0439 \u0441\u0442\u0430\u0442\u044C\u0435 \xAB${key2}\xBB`,
      en: `${node} leads to unpublished article "${key2}"`
    },
    staff: {
      ru: `${node} \u0432\u0435\u0434\u0451\u0442 \u043A \u0441\u0442\u0430\u0442\u044C\u0435 \xAB${key2}\xBB, \u043A\u043E\u0442\u043E\u0440\u0443\u044E \u0432\u0438\u0434\u044F\u0442 \u0442\u043E\u043B\u044C\u043A\u043E \u0441\u043E\u0442\u0440\u0443\u0434\u043D\u0438\u043A\u0438`,
      en: `${node} leads to article "${key2}", which only staff can read`
    }
  };
  return texts3[problem][locale];
}

// server/src/modules/trees/tree-routes.ts
import { definitionKeyPattern as definitionKeyPattern6 } from "@opora/runtime/definitions";
import { Type as Type53 } from "@sinclair/typebox";
var Key = Type53.Object(
  { key: Type53.String({ pattern: definitionKeyPattern6 }) },
  { additionalProperties: false }
);
var NodeId = Type53.String({ pattern: "^[A-Za-z0-9_-]{1,64}$" });
var WalkSchema = Type53.Object({
  id: Type53.String(),
  tree: Type53.String(),
  version: Type53.Integer(),
  path: Type53.Array(Type53.String()),
  outcome: Type53.Union([Type53.String(), Type53.Null()])
});
var EventSchema = Type53.Union([
  Type53.Object({ type: Type53.Literal("choose"), node: NodeId }, { additionalProperties: false }),
  Type53.Object({ type: Type53.Literal("back") }, { additionalProperties: false }),
  Type53.Object({ type: Type53.Literal("restart") }, { additionalProperties: false }),
  Type53.Object(
    { type: Type53.Literal("goto"), path: Type53.Array(NodeId, { maxItems: 50 }) },
    { additionalProperties: false }
  ),
  Type53.Object({ type: Type53.Literal("rate"), helpful: Type53.Boolean() }, { additionalProperties: false })
]);
var walking = { access: "public", rateLimit: { max: 240, timeWindow: "1 minute" } };
var treeRoutes = async (app, { walks }) => {
  const tags31 = ["portal: question trees"];
  app.get(
    "/portal/trees/:key",
    {
      config: { access: "public" },
      schema: {
        tags: tags31,
        summary: "A published question tree, with the titles of the articles its leaves lead to",
        params: Key,
        response: {
          200: Type53.Object({
            key: Type53.String(),
            version: Type53.Integer(),
            body: Type53.Unknown(),
            articles: Type53.Record(
              Type53.String(),
              Type53.Object({ title: Type53.String(), summary: Type53.String() })
            )
          }),
          ...errorResponses
        }
      }
    },
    (request) => walks.published(request.params.key, request.actor)
  );
  app.post(
    "/portal/trees/:key/walks",
    {
      config: walking,
      schema: {
        tags: tags31,
        summary: "Start recording a walk, optionally at a shared path (its longest valid beginning is taken)",
        params: Key,
        body: Type53.Object(
          { path: Type53.Optional(Type53.Array(NodeId, { maxItems: 50 })) },
          { additionalProperties: false }
        ),
        response: { 200: WalkSchema, ...errorResponses }
      }
    },
    (request) => walks.start(request.params.key, request.body.path ?? [])
  );
  app.post(
    "/portal/walks/:id/events",
    {
      config: walking,
      schema: {
        tags: tags31,
        summary: "One step of a walk: choose a node, go back, restart, jump to a path, or rate the answer reached",
        params: Type53.Object({ id: Type53.String({ format: "uuid" }) }, { additionalProperties: false }),
        body: EventSchema,
        response: { 200: WalkSchema, ...errorResponses }
      }
    },
    (request) => walks.event(request.params.id, request.body)
  );
  app.get(
    "/trees/:key/stats",
    {
      config: { access: staff },
      schema: {
        tags: ["question trees"],
        summary: "How a tree is used: walks, abandoned walks, and per node visits, stops and outcomes",
        params: Key,
        response: {
          200: Type53.Object({
            walks: Type53.Integer(),
            abandoned: Type53.Integer(),
            nodes: Type53.Record(
              Type53.String(),
              Type53.Object({
                visits: Type53.Integer(),
                abandoned: Type53.Integer(),
                outcomes: Type53.Record(Type53.String(), Type53.Integer())
              })
            )
          }),
          ...errorResponses
        }
      }
    },
    (request) => walks.stats(request.params.key)
  );
};

// server/src/modules/trees/tree-walks.ts
import { randomUUID as randomUUID28 } from "node:crypto";
import {
  prepareTree,
  stepWalk
} from "@opora/runtime/trees";
var abandonAfter = "interval '30 minutes'";
var TreeWalks = class {
  constructor(db, clock) {
    this.db = db;
    this.clock = clock;
  }
  db;
  clock;
  pinned = /* @__PURE__ */ new Map();
  async published(key2, actor) {
    const tree = await this.latest(key2);
    const keys = tree.body.nodes.flatMap((n) => n.leaf?.type === "article" ? [n.leaf.article] : []);
    const articles = keys.length ? await this.db.query(
      `select key, title, summary from kb_article
           where key = any(?::text[]) and state = 'published' and audience = any(?::text[])`,
      [toPgArray(keys), audienceParam(actor)]
    ) : [];
    return {
      key: key2,
      version: tree.version,
      body: tree.body,
      articles: Object.fromEntries(articles.map((a) => [a.key, { title: a.title, summary: a.summary }]))
    };
  }
  async start(key2, path2) {
    const tree = await this.latest(key2);
    const id = randomUUID28();
    await this.db.query("insert into tree_walk (id, tree, version) values (?, ?, ?)", [
      id,
      key2,
      tree.version
    ]);
    return this.apply(
      tree,
      { id, state: { path: [], outcome: null, outcomeNode: null }, visited: [] },
      { type: "goto", path: path2 }
    );
  }
  async event(walkId, event) {
    const [row] = await this.db.query("select * from tree_walk where id = ?", [walkId]);
    if (!row) throw fail.notFound(`walk ${walkId}`);
    const tree = await this.version(row.tree, row.version);
    const state = {
      path: fromPgArray(row.path),
      outcome: row.outcome,
      outcomeNode: row.outcome_node
    };
    return this.apply(tree, { id: row.id, state, visited: fromPgArray(row.visited) }, event);
  }
  async stats(key2) {
    const [totals] = await this.db.query(
      `select count(*) as walks, count(*) filter (where outcome is null and updated_at < now() - ${abandonAfter}) as abandoned
       from tree_walk where tree = ?`,
      [key2]
    );
    const visits = await this.db.query(
      "select node, count(*) as n from tree_walk, unnest(visited) as node where tree = ? group by node",
      [key2]
    );
    const outcomes = await this.db.query(
      `select outcome_node as node, outcome, count(*) as n from tree_walk where tree = ? and outcome is not null
       group by outcome_node, outcome`,
      [key2]
    );
    const stopped = await this.db.query(
      `select path[array_length(path, 1)] as node, count(*) as n from tree_walk
       where tree = ? and outcome is null and updated_at < now() - ${abandonAfter} group by 1`,
      [key2]
    );
    const nodes = {};
    const at = (node) => nodes[node] ??= { visits: 0, abandoned: 0, outcomes: {} };
    for (const v of visits) at(v.node).visits = Number(v.n);
    for (const o of outcomes)
      at(o.node).outcomes[o.outcome] = Number(o.n);
    for (const s of stopped) if (s.node) at(s.node).abandoned = Number(s.n);
    return { walks: Number(totals?.walks ?? 0), abandoned: Number(totals?.abandoned ?? 0), nodes };
  }
  async apply(tree, walk, event) {
    const step = stepWalk(tree, walk.state, event, this.clock);
    if (step.refused) throw fail.validation([{ pointer: "/type", message: step.refused, code: "walk" }]);
    const visited = new Set(walk.visited);
    let channel = null;
    for (const effect of step.effects) {
      if (effect.type === "visited") visited.add(effect.node);
      else channel = effect.channel ?? null;
    }
    await this.db.query(
      `update tree_walk set path = ?::text[], visited = ?::text[], outcome = ?, outcome_node = ?,
         channel = coalesce(?, channel), updated_at = now() where id = ?`,
      [
        toPgArray(step.state.path),
        toPgArray([...visited]),
        step.state.outcome,
        step.state.outcomeNode,
        channel,
        walk.id
      ]
    );
    return {
      id: walk.id,
      tree: tree.key,
      version: tree.version,
      path: step.state.path,
      outcome: step.state.outcome
    };
  }
  /** The tree the portal offers now: the latest published version of a definition that is not archived. */
  async latest(key2) {
    const [row] = await this.db.query(
      `select d.latest_version as version from definition d
       where d.kind = 'tree' and d.key = ? and d.status <> 'archived' and d.latest_version is not null`,
      [key2]
    );
    if (!row) throw fail.notFound(`tree ${key2}`);
    return this.version(key2, row.version);
  }
  /** Published versions never change, so each is read and indexed once per process. */
  async version(key2, version) {
    const id = `${key2}@${version}`;
    const cached = this.pinned.get(id);
    if (cached) return cached;
    const [row] = await this.db.query(
      `select v.body from definition d join definition_version v on v.definition_id = d.id
       where d.kind = 'tree' and d.key = ? and v.version = ?`,
      [key2, version]
    );
    if (!row) throw fail.notFound(`tree ${key2} v${version}`);
    const body = typeof row.body === "string" ? JSON.parse(row.body) : row.body;
    const tree = { key: key2, version, ...prepareTree(body) };
    this.pinned.set(id, tree);
    return tree;
  }
};

// server/src/modules/trees/index.ts
var treesModule = fp31(
  async (app) => {
    app.definitions.extend("tree", treePublishing(app.db));
    await app.register(treeRoutes, { prefix: apiPrefix, walks: new TreeWalks(app.db, app.clock) });
  },
  { name: "trees", dependencies: ["definitions"] }
);

// server/src/modules/ui/index.ts
import fp32 from "fastify-plugin";

// server/src/modules/portal-pages/page-meta.ts
import { contentKeyPattern as contentKeyPattern2 } from "@opora/runtime/definitions";

// server/src/modules/portal-pages/seo-html.ts
var escapeHtml = (text2) => text2.replace(
  /[&<>"']/g,
  (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
);
function withPageMeta(html, meta, url) {
  const title = escapeHtml(meta.title);
  const description = escapeHtml(meta.description.slice(0, 300));
  const head = [
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:type" content="${meta.type ?? "website"}" />`,
    `<link rel="canonical" href="${escapeHtml(url)}" />`
  ].join("\n    ");
  return html.replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`).replace(
    /<meta name="description" content="[^"]*"\s*\/?>/,
    () => `<meta name="description" content="${description}" />`
  ).replace("</head>", () => `    ${head}
  </head>`).replace('<div id="root"></div>', () => `<div id="root">${meta.body ?? ""}</div>`);
}
function articleMeta(article, siteName) {
  return {
    title: `${article.title} \u2014 ${siteName}`,
    description: article.summary,
    body: `<article class="ssr-article"><h1>${escapeHtml(article.title)}</h1>${article.body}</article>`,
    type: "article"
  };
}

// server/src/modules/portal-pages/page-meta.ts
var articlePath = new RegExp(`^/kb/(${contentKeyPattern2.slice(1, -1)})/?$`);
function describePortalPage(kb, site) {
  return async (request) => {
    const path2 = request.url.split("?")[0] ?? "";
    const portal2 = (await site.site()).body;
    const siteName = portal2?.name.ru ?? "\u041F\u043E\u0440\u0442\u0430\u043B \u043F\u043E\u0434\u0434\u0435\u0440\u0436\u043A\u0438";
    const article = articlePath.exec(path2);
    if (article) return articleMeta(await kb.portal.visible(article[1], request.actor), siteName);
    if (path2 === "/") {
      const page = (await site.page("/", request.actor)).body;
      return {
        title: `${page.title.ru} \u2014 ${siteName}`,
        description: page.description?.ru ?? portal2?.tagline?.ru ?? siteName
      };
    }
    return null;
  };
}

// server/src/modules/ui/ui-apps.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join3, resolve as resolve2 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import fastifyStatic from "@fastify/static";
var repoRoot = resolve2(fileURLToPath2(new URL(".", import.meta.url)), "../../../..");
var builtUi = {
  designerDist: join3(repoRoot, "designer", "dist"),
  portalDist: join3(repoRoot, "portal", "dist")
};
async function registerUiApps(app, describe, { designerDist, portalDist } = builtUi) {
  const hasDesigner = existsSync(join3(designerDist, "index.html"));
  const hasPortal = existsSync(join3(portalDist, "index.html"));
  if (hasDesigner)
    await app.register(fastifyStatic, {
      root: designerDist,
      prefix: "/designer/",
      wildcard: false,
      index: "index.html"
    });
  if (hasPortal)
    await app.register(fastifyStatic, {
      root: portalDist,
      prefix: "/",
      decorateReply: !hasDesigner,
      wildcard: false,
      index: "index.html"
    });
  if (!hasDesigner && !hasPortal) return void 0;
  const portalIndex = hasPortal ? readFileSync2(join3(portalDist, "index.html"), "utf8") : "";
  const renderPortal = async (request, reply) => {
    const meta = describe ? await describe(request).catch(() => null) : null;
    if (!meta) return reply.sendFile("index.html", portalDist);
    const url = `${request.protocol}://${request.host}${request.url.split("?")[0]}`;
    try {
      return reply.type("text/html; charset=utf-8").send(withPageMeta(portalIndex, meta, url));
    } catch (error) {
      request.log.error({ err: error }, "server-rendered page meta failed");
      return reply.sendFile("index.html", portalDist);
    }
  };
  return (request, reply) => {
    if (request.method !== "GET" || request.url.startsWith("/api")) return void 0;
    if (hasDesigner && (request.url === "/designer" || request.url.startsWith("/designer/")))
      return reply.sendFile("index.html", designerDist);
    return hasPortal ? renderPortal(request, reply) : void 0;
  };
}

// server/src/modules/ui/index.ts
var uiModule = fp32(
  async (app, { serve, roots }) => {
    const fallback = serve ? await registerUiApps(app, describePortalPage(app.kb, app.site), roots) : void 0;
    registerNotFound(app, fallback);
  },
  { name: "ui", dependencies: ["kb", "portal-pages"] }
);

// server/src/modules/users/index.ts
import fp33 from "fastify-plugin";

// server/src/modules/users/user-directory.ts
var UserDirectory = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async lookup(query) {
    const limit = query.limit ?? 20;
    if (query.ids?.length) {
      const rows2 = await this.db.query(
        `select id, name from app_user where id::text = any(string_to_array(?, ',')) order by name limit ?`,
        [query.ids.join(","), limit]
      );
      return { items: rows2 };
    }
    const like = containsPattern(query.q ?? "");
    const rows = await this.db.query(
      `select id, name from app_user where active and (name ilike ? or login ilike ?) order by name, id limit ?`,
      [like, like, limit]
    );
    return { items: rows };
  }
};

// server/src/modules/users/user-lookup-routes.ts
import { Type as Type54 } from "@sinclair/typebox";
var userLookupRoutes = async (app, { directory }) => {
  app.get(
    "/users/lookup",
    {
      config: { access: staff },
      schema: {
        tags: ["users"],
        summary: "Colleagues by name (q) or by id (ids), names only",
        querystring: Type54.Object(
          {
            q: Type54.Optional(Type54.String({ maxLength: 100 })),
            ids: Type54.Optional(Type54.Array(Uuid, { maxItems: 100 })),
            limit: Type54.Optional(Type54.Integer({ minimum: 1, maximum: 100, default: 20 }))
          },
          { additionalProperties: false }
        ),
        response: {
          200: Type54.Object({ items: Type54.Array(Type54.Object({ id: Type54.String(), name: Type54.String() })) }),
          ...errorResponses
        }
      }
    },
    (request) => directory.lookup(request.query)
  );
};

// server/src/modules/users/user-routes.ts
import { Type as Type55 } from "@sinclair/typebox";
var Password = Type55.String({ minLength: 8, maxLength: 200 });
var Email = Type55.Union([Type55.String({ format: "email", maxLength: 320 }), Type55.Null()]);
var Roles = Type55.Array(RoleSchema, { minItems: 1, maxItems: 6 });
var userRoutes = async (app, { users }) => {
  app.get(
    "/users",
    {
      config: { access: adminOnly },
      schema: {
        tags: ["users"],
        summary: "List users",
        querystring: Type55.Object(
          { q: Type55.Optional(Type55.String({ maxLength: 200 })), ...Paging },
          { additionalProperties: false }
        ),
        response: { 200: PageOf(UserSchema), ...errorResponses }
      }
    },
    async (request) => users.list(request.query.q, request.query.limit ?? 50, request.query.offset ?? 0)
  );
  app.post(
    "/users",
    {
      config: { access: adminOnly },
      schema: {
        tags: ["users"],
        summary: "Create a user",
        body: Type55.Object(
          {
            login: Type55.String({ pattern: "^[a-zA-Z0-9._@-]{2,100}$" }),
            name: Type55.String({ minLength: 1, maxLength: 200 }),
            email: Type55.Optional(Email),
            password: Password,
            roles: Roles,
            locale: Type55.Optional(LocaleSchema)
          },
          { additionalProperties: false }
        ),
        response: { 201: UserSchema, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(userView(await users.create(request.body, request.actor)))
  );
  app.patch(
    "/users/:id",
    {
      config: { access: adminOnly },
      schema: {
        tags: ["users"],
        summary: "Change a user (roles, password, deactivate)",
        params: IdParams,
        body: Type55.Object(
          {
            name: Type55.Optional(Type55.String({ minLength: 1, maxLength: 200 })),
            email: Type55.Optional(Email),
            password: Type55.Optional(Password),
            roles: Type55.Optional(Roles),
            active: Type55.Optional(Type55.Boolean()),
            locale: Type55.Optional(LocaleSchema)
          },
          { additionalProperties: false, minProperties: 1 }
        ),
        response: { 200: UserSchema, ...errorResponses }
      }
    },
    async (request) => userView(await users.update(request.params.id, request.body, request.actor))
  );
};

// server/src/modules/users/user-service.ts
import { randomUUID as randomUUID29 } from "node:crypto";
var UserService = class {
  constructor(db, clock) {
    this.db = db;
    this.clock = clock;
  }
  db;
  clock;
  async list(q, limit, offset) {
    const where = q ? { $or: [{ login: { $ilike: containsPattern(q) } }, { name: { $ilike: containsPattern(q) } }] } : {};
    const [rows, total] = await this.db.em().findAndCount(UserEntity, where, { orderBy: { login: "asc" }, limit, offset });
    return { items: rows.map(userView), total, limit, offset };
  }
  async create(input, actor) {
    return this.db.transaction(async (em) => {
      if (await em.count(UserEntity, { login: input.login }))
        throw fail.duplicate(`login ${input.login}`, "/login");
      const now = dateOf(this.clock);
      const user = Object.assign(new UserEntity(), {
        id: randomUUID29(),
        createdAt: now,
        updatedAt: now,
        login: input.login,
        name: input.name,
        email: input.email ?? null,
        roles: [...new Set(input.roles)],
        locale: input.locale ?? "ru",
        passwordHash: await hashPassword(input.password)
      });
      em.persist(user);
      audit(em, actor, {
        action: "create",
        targetType: "user",
        targetId: user.id,
        after: userView(user),
        at: now
      });
      return user;
    });
  }
  async update(id, patch, actor) {
    return this.db.transaction(async (em) => {
      const user = await em.findOne(UserEntity, { id });
      if (!user) throw fail.notFound(`user ${id}`);
      const before = userView(user);
      const { password, roles, ...rest } = patch;
      Object.assign(user, rest);
      if (roles) user.roles = [...new Set(roles)];
      if (password) user.passwordHash = await hashPassword(password);
      if (password || patch.active === false) await em.nativeDelete(SessionEntity, { userId: id });
      if (password) await em.nativeDelete(ApiTokenEntity, { userId: id });
      const after = userView(user);
      if (password || JSON.stringify(after) !== JSON.stringify(before)) {
        user.updatedAt = dateOf(this.clock);
        audit(em, actor, {
          action: "update",
          targetType: "user",
          targetId: id,
          before,
          after,
          at: user.updatedAt
        });
      }
      return user;
    });
  }
};

// server/src/modules/users/index.ts
var usersModule = fp33(
  async (app) => {
    const users = new UserService(app.db, app.clock);
    app.decorate("users", users);
    await app.register(userRoutes, { prefix: apiPrefix, users });
    await app.register(userLookupRoutes, { prefix: apiPrefix, directory: new UserDirectory(app.db) });
  },
  { name: "users", dependencies: ["auth"] }
);

// server/src/modules/views/index.ts
import fp34 from "fastify-plugin";

// server/src/modules/views/view-routes.ts
import { Type as Type57 } from "@sinclair/typebox";

// server/src/modules/views/view-schemas.ts
import { Type as Type56 } from "@sinclair/typebox";
var ViewStateSchema = Type56.Object(
  {
    columns: Type56.Array(Type56.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 }),
    filters: Type56.Array(Type56.String({ minLength: 1, maxLength: 500 }), {
      maxItems: 20,
      description: "field:op:value, as the records list takes them"
    }),
    sort: Type56.Optional(Type56.String({ maxLength: 65 })),
    q: Type56.Optional(Type56.String({ maxLength: 500 }))
  },
  { additionalProperties: false }
);
var ViewInputSchema = Type56.Object(
  {
    entity: Type56.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" }),
    name: Type56.String({ minLength: 1, maxLength: 100 }),
    shared: Type56.Optional(
      Type56.Boolean({ description: "Visible to every staff member (only the owner changes it)" })
    ),
    state: ViewStateSchema
  },
  { additionalProperties: false }
);
var ViewUpdateSchema = Type56.Object(
  {
    name: Type56.String({ minLength: 1, maxLength: 100 }),
    shared: Type56.Boolean(),
    state: ViewStateSchema
  },
  { additionalProperties: false }
);
var SavedViewSchema = Type56.Object({
  id: Type56.String(),
  entity: Type56.String(),
  name: Type56.String(),
  shared: Type56.Boolean(),
  mine: Type56.Boolean(),
  owner: Type56.Object({ id: Type56.String(), name: Type56.String() }),
  state: ViewStateSchema,
  createdAt: Type56.String(),
  updatedAt: Type56.String()
});

// server/src/modules/views/view-routes.ts
var tags29 = ["views"];
var viewRoutes = async (app, { views }) => {
  const config3 = { access: staff };
  const actor = (request) => request.actor;
  app.get(
    "/views",
    {
      config: config3,
      schema: {
        tags: tags29,
        summary: "Saved views of a data type: the caller\u2019s own, then those colleagues shared",
        querystring: Type57.Object(
          { entity: Type57.String({ pattern: "^[a-z][a-z0-9_-]{0,62}$" }) },
          { additionalProperties: false }
        ),
        response: { 200: Type57.Object({ items: Type57.Array(SavedViewSchema) }), ...errorResponses }
      }
    },
    (request) => views.list(request.query.entity, actor(request))
  );
  app.post(
    "/views",
    {
      config: config3,
      schema: {
        tags: tags29,
        summary: "Save a view (409 when the caller already has one with this name for the type)",
        body: ViewInputSchema,
        response: { 201: SavedViewSchema, ...errorResponses }
      }
    },
    async (request, reply) => reply.status(201).send(await views.create(request.body, actor(request)))
  );
  app.put(
    "/views/:id",
    {
      config: config3,
      schema: {
        tags: tags29,
        summary: "Change a view (its owner only)",
        params: IdParams,
        body: ViewUpdateSchema,
        response: { 200: SavedViewSchema, ...errorResponses }
      }
    },
    (request) => views.update(request.params.id, request.body, actor(request))
  );
  app.delete(
    "/views/:id",
    {
      config: config3,
      schema: {
        tags: tags29,
        summary: "Delete a view (its owner; an administrator may remove a shared one)",
        params: IdParams,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      await views.remove(request.params.id, actor(request));
      return reply.status(204).send(null);
    }
  );
};

// server/src/modules/views/view-service.ts
import { randomUUID as randomUUID30 } from "node:crypto";
import { accessScope as accessScope9, rolesAllowed as rolesAllowed3 } from "@opora/runtime/definitions";
var columns3 = `v.id, v.owner_id, u.name as owner_name, v.entity, v.name, v.shared, v.state, v.created_at, v.updated_at`;
var view5 = (row, actor) => ({
  id: row.id,
  entity: row.entity,
  name: row.name,
  shared: row.shared,
  mine: row.owner_id === actor.id,
  owner: { id: row.owner_id, name: row.owner_name },
  state: typeof row.state === "string" ? JSON.parse(row.state) : row.state,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString()
});
var ViewService = class {
  constructor(db, definitions) {
    this.db = db;
    this.definitions = definitions;
  }
  db;
  definitions;
  /** The caller's views of the type, then the ones colleagues shared. */
  async list(entity, actor) {
    await this.assertReads(entity, actor);
    const rows = await this.db.query(
      `select ${columns3} from saved_view v join app_user u on u.id = v.owner_id
       where v.entity = ? and (v.owner_id = ? or v.shared)
       order by (v.owner_id = ?) desc, lower(v.name), v.id`,
      [entity, actor.id, actor.id]
    );
    return { items: rows.map((row) => view5(row, actor)) };
  }
  async create(input, actor) {
    await this.assertReads(input.entity, actor);
    const [row] = await this.db.query(
      `insert into saved_view (id, owner_id, entity, name, shared, state) values (?, ?, ?, ?, ?, ?::jsonb)
       on conflict (owner_id, entity, name) do nothing returning id`,
      [randomUUID30(), actor.id, input.entity, input.name, input.shared ?? false, JSON.stringify(input.state)]
    );
    if (!row) throw fail.duplicate(`\xAB${input.name}\xBB`, "/name");
    return this.get(row.id, actor);
  }
  async update(id, input, actor) {
    await this.owned(id, actor, false);
    const clash = await this.db.query(
      `select 1 from saved_view a join saved_view b on b.owner_id = a.owner_id and b.entity = a.entity
       where a.id = ? and b.id <> a.id and b.name = ?`,
      [id, input.name]
    );
    if (clash.length) throw fail.duplicate(`\xAB${input.name}\xBB`, "/name");
    await this.db.query(
      `update saved_view set name = ?, shared = ?, state = ?::jsonb, updated_at = now() where id = ?`,
      [input.name, input.shared, JSON.stringify(input.state), id]
    );
    return this.get(id, actor);
  }
  /** The owner deletes a view; an administrator may also remove a shared one that is in everyone's way. */
  async remove(id, actor) {
    await this.owned(id, actor, actor.roles.includes("admin"));
    await this.db.query("delete from saved_view where id = ?", [id]);
  }
  async assertReads(entity, actor) {
    const published = await this.definitions.latestPublished("entity", entity);
    const body = published?.body;
    if (body && accessScope9(body, actor.roles, "read") === "none")
      throw fail.recordsForbidden(entity, "read", rolesAllowed3(body, "read"));
  }
  async get(id, actor) {
    const [row] = await this.db.query(
      `select ${columns3} from saved_view v join app_user u on u.id = v.owner_id where v.id = ?`,
      [id]
    );
    if (!row) throw fail.notFound(`view ${id}`);
    return view5(row, actor);
  }
  /** Someone else's private view does not exist for the caller (404); a colleague's shared one is read-only (403). */
  async owned(id, actor, adminMay) {
    const [row] = await this.db.query(
      "select owner_id, shared from saved_view where id = ?",
      [id]
    );
    if (!row || row.owner_id !== actor.id && !row.shared) throw fail.notFound(`view ${id}`);
    if (row.owner_id !== actor.id && !adminMay) throw fail.forbidden();
  }
};

// server/src/modules/views/index.ts
var viewsModule = fp34(
  async (app) => {
    await app.register(viewRoutes, { prefix: apiPrefix, views: new ViewService(app.db, app.definitions) });
  },
  { name: "views", dependencies: ["definitions"] }
);

// server/src/modules/widget/index.ts
import { Type as Type62 } from "@sinclair/typebox";
import fp35 from "fastify-plugin";

// server/src/modules/widget/rate-windows.ts
var RateWindows = class {
  constructor(max, windowMs, now = () => performance.now()) {
    this.max = max;
    this.windowMs = windowMs;
    this.now = now;
  }
  max;
  windowMs;
  now;
  counts = /* @__PURE__ */ new Map();
  lastSweep = 0;
  /** Counts one use of `key`; refuses with a 429 (how many seconds to wait, in the caller's language) past max. */
  take(key2) {
    const now = this.now();
    this.sweep(now);
    const current = this.counts.get(key2);
    if (!current || now - current.windowStart >= this.windowMs) {
      this.counts.set(key2, { windowStart: now, count: 1 });
      return;
    }
    if (current.count >= this.max) {
      const seconds = Math.max(1, Math.ceil((current.windowStart + this.windowMs - now) / 1e3));
      throw new AppError(429, "rate_limited", "rate_limited", { seconds });
    }
    current.count++;
  }
  sweep(now) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key2, { windowStart }] of this.counts)
      if (now - windowStart >= this.windowMs) this.counts.delete(key2);
  }
};
var defaultWidgetLimits = {
  messagesPerMinute: 20,
  uploadsPerMinute: 5,
  sessionsPerHour: 30,
  messagesPerMinutePerIp: 120
};
function widgetRateWindows(limits) {
  return {
    messages: new RateWindows(limits.messagesPerMinute, 6e4),
    messagesPerIp: new RateWindows(limits.messagesPerMinutePerIp, 6e4),
    uploads: new RateWindows(limits.uploadsPerMinute, 6e4),
    sessions: new RateWindows(limits.sessionsPerHour, 36e5),
    // A widget reports reads and typing a few times a minute; more is a loop or an attack.
    reports: new RateWindows(60, 6e4),
    typing: new RateWindows(30, 6e4)
  };
}

// server/src/modules/widget/visitor-token.ts
import { createHmac as createHmac2, hkdfSync, randomBytes as randomBytes6, randomUUID as randomUUID31, timingSafeEqual as timingSafeEqual3 } from "node:crypto";
var visitorTokenDays = 90;
var longestToken = 1e3;
var VisitorTokens = class {
  constructor(secretsKey, now) {
    this.now = now;
    this.key = secretsKey ? Buffer.from(hkdfSync("sha256", secretsKey, "opora", "widget visitor token v1", 32)) : randomBytes6(32);
  }
  now;
  key;
  /** A new anonymous visitor of a channel. */
  issueNew(channelKey) {
    return this.issue(`v-${randomUUID31()}`, channelKey);
  }
  issue(visitorId, channelKey) {
    const claims = { visitorId, channelKey, expiresAt: this.now() + visitorTokenDays * 864e5 };
    const body = Buffer.from(
      JSON.stringify([claims.visitorId, claims.channelKey, claims.expiresAt])
    ).toString("base64url");
    return { token: `${body}.${this.sign(body)}`, claims };
  }
  /** The claims of a genuine, unexpired token of this channel; null for anything else. */
  verify(token2, channelKey) {
    if (!token2 || token2.length > longestToken) return null;
    const [body, signature, extra] = token2.split(".");
    if (!body || !signature || extra !== void 0) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual3(given, expected)) return null;
    const claims = decode(body);
    if (!claims || claims.channelKey !== channelKey || claims.expiresAt <= this.now()) return null;
    return claims;
  }
  sign(body) {
    return createHmac2("sha256", this.key).update(body).digest("base64url");
  }
};
function decode(body) {
  try {
    const value = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [visitorId, channelKey, expiresAt] = value;
    if (typeof visitorId !== "string" || typeof channelKey !== "string" || typeof expiresAt !== "number")
      return null;
    return { visitorId, channelKey, expiresAt };
  } catch {
    return null;
  }
}
function bearerOf(header) {
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : void 0;
}

// server/src/modules/widget/widget-assets.ts
import { readFile, stat as stat3 } from "node:fs/promises";
import { join as join4, resolve as resolve3 } from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";

// server/src/modules/widget/widget-channels.ts
import { definitionKeyPattern as definitionKeyPattern7 } from "@opora/runtime/definitions";
var channelKeyPattern = definitionKeyPattern7;
var channelKeyShape = new RegExp(channelKeyPattern);
var publishedWidgets = `
  select d.key, v.body from definition d
    join definition_version v on v.definition_id = d.id and v.version = d.latest_version
   where d.kind = 'channel' and d.status <> 'archived' and v.body -> 'settings' ->> 'type' = 'widget'`;
async function widgetChannel(db, key2) {
  if (!channelKeyShape.test(key2)) throw fail.notFound("channel");
  const [row] = await db.query(`${publishedWidgets} and d.key = ?`, [key2]);
  if (!row) throw fail.notFound("channel");
  return fromRow(row);
}
async function portalWidgetChannel(db) {
  const [row] = await db.query(
    `${publishedWidgets} order by (d.key = 'site-chat') desc, d.key limit 1`
  );
  return row?.key ?? null;
}
function fromRow(row) {
  const body = typeof row.body === "string" ? JSON.parse(row.body) : row.body;
  const settings = body.settings;
  return {
    key: row.key,
    title: body.title,
    allowedOrigins: settings.allowedOrigins,
    greeting: settings.greeting ?? null
  };
}

// server/src/modules/widget/widget-schemas.ts
import { messageLimits as messageLimits12 } from "@opora/runtime/conversations";
import { Type as Type58 } from "@sinclair/typebox";
var ChannelKeyParams = Type58.Object(
  { channelKey: Type58.String({ pattern: channelKeyPattern }) },
  { additionalProperties: false }
);
var clientMessageIdPattern = "^[A-Za-z0-9_-]{8,64}$";
var ClientMessageId = Type58.String({ pattern: clientMessageIdPattern });
var Text2 = Type58.Object(
  { ru: Type58.String(), en: Type58.Optional(Type58.String()) },
  { additionalProperties: false }
);
var SessionInput = Type58.Object(
  { token: Type58.Optional(Type58.String({ maxLength: 1e3 })) },
  { additionalProperties: false }
);
var SessionSchema3 = Type58.Object({
  token: Type58.String(),
  visitorId: Type58.String(),
  expiresAt: Type58.Integer(),
  /** A signed-in portal client: the conversation is on their client card. */
  recognised: Type58.Boolean(),
  channel: Type58.Object({
    key: Type58.String(),
    title: Text2,
    greeting: Type58.Union([Text2, Type58.Null()])
  })
});
var HistoryQuery = Type58.Object(
  {
    after: Type58.Optional(Type58.Integer({ minimum: 0 })),
    limit: Type58.Optional(Type58.Integer({ minimum: 1, maximum: 200, default: 100 }))
  },
  { additionalProperties: false }
);
var HistorySchema = Type58.Object({ messages: Type58.Array(MessageSchema), hasMore: Type58.Boolean() });
var SendInput = Type58.Object(
  {
    clientMessageId: ClientMessageId,
    text: Type58.String({ maxLength: messageLimits12.text }),
    pressed: Type58.Optional(
      Type58.Object(
        { messageId: Uuid, value: Type58.String({ minLength: 1, maxLength: messageLimits12.buttonValue }) },
        { additionalProperties: false }
      )
    )
  },
  { additionalProperties: false }
);
var SentSchema = Type58.Object({ message: MessageSchema, duplicate: Type58.Boolean() });
var ReportInput = Type58.Object(
  {
    seq: Type58.Integer({ minimum: 0 }),
    state: Type58.Union([Type58.Literal("delivered"), Type58.Literal("read")])
  },
  { additionalProperties: false }
);
var FileParams = Type58.Object(
  { channelKey: ChannelKeyParams.properties.channelKey, fileId: Type58.String({ pattern: "^[0-9a-f]{64}$" }) },
  { additionalProperties: false }
);

// server/src/modules/widget/widget-assets.ts
var repoRoot2 = resolve3(fileURLToPath3(new URL(".", import.meta.url)), "../../../..");
var builtWidget = join4(repoRoot2, "widget", "dist", "widget.js");
function bundleReader(path2) {
  let cached = null;
  return async () => {
    try {
      const { mtimeMs } = await stat3(path2);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, content: await readFile(path2) };
      return cached.content;
    } catch {
      return null;
    }
  };
}
var escapeHtml2 = (text2) => text2.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
var widgetAssets = async (app, { db, bundlePath }) => {
  const bundle = bundleReader(bundlePath ?? builtWidget);
  app.get("/widget.js", { schema: { hide: true } }, async (_request, reply) => {
    const content = await bundle();
    if (!content) return reply.status(404).type("text/plain").send("widget not built");
    reply.header("cross-origin-resource-policy", "cross-origin");
    return reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=300").send(content);
  });
  app.get(
    "/widget/:channelKey",
    {
      schema: { hide: true, params: ChannelKeyParams },
      onSend: async (request, reply, payload) => {
        const channel = request.widgetPageOrigins;
        if (channel) allowFramingBy(reply, channel);
        return payload;
      }
    },
    async (request, reply) => {
      const channel = await widgetChannel(db, request.params.channelKey);
      request.widgetPageOrigins = channel.allowedOrigins;
      const key2 = escapeHtml2(channel.key);
      const title = escapeHtml2(channel.title.ru);
      return reply.type("text/html; charset=utf-8").send(`<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>html,body{margin:0;height:100%;background:#f4f6f8}</style></head>
<body><script src="/widget.js" data-channel="${key2}" data-mode="page" async></script></body></html>`);
    }
  );
};

// server/src/modules/widget/widget-csat-route.ts
import { Type as Type59 } from "@sinclair/typebox";

// server/src/modules/widget/site-origin.ts
function siteAllowed(origin, host, channel) {
  if (origin === void 0) return true;
  if (sameOrigin(origin, host)) return true;
  const normalised = normaliseOrigin(origin);
  return normalised !== null && channel.allowedOrigins.some((site) => normaliseOrigin(site) === normalised);
}
function normaliseOrigin(origin) {
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

// server/src/modules/widget/widget-cors.ts
async function widgetCors(db, request, reply) {
  const key2 = request.params.channelKey;
  if (!key2) return;
  const channel = await widgetChannel(db, key2);
  request.widgetChannel = channel;
  const origin = request.headers.origin;
  if (!siteAllowed(origin, request.host, channel)) throw fail.crossOrigin();
  if (origin === void 0) return;
  reply.header("access-control-allow-origin", origin);
  reply.header("vary", "Origin");
  if (request.method === "OPTIONS") {
    reply.header("access-control-allow-methods", "GET, POST");
    reply.header("access-control-allow-headers", "authorization, content-type");
    reply.header("access-control-max-age", "600");
  }
}

// server/src/modules/widget/widget-csat-route.ts
var widgetCsatRoute = async (app, { tokens, clock }) => {
  const { db } = app;
  app.addHook("onRequest", (request, reply) => widgetCors(db, request, reply));
  app.post(
    "/widget/:channelKey/csat/comment",
    {
      config: { access: "public", rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: {
        tags: ["widget"],
        summary: "Add a comment to the rating the visitor gave their latest closed dialog",
        params: ChannelKeyParams,
        body: CommentInput,
        response: { 200: Type59.Object({ rating: CsatSchema }), ...errorResponses }
      }
    },
    async (request) => {
      const claims = tokens.verify(bearerOf(request.headers.authorization), request.params.channelKey);
      if (!claims) throw new AppError(401, "widget_session_invalid", "widget_session_invalid");
      return db.transaction(async (tx) => {
        const [latest] = await db.query(
          `select s.conversation_id from csat s join conversation c on c.id = s.conversation_id
             join contact ct on ct.id = c.contact_id
            where ct.channel_key = ? and ct.external_id = ? and s.score is not null
            order by s.rated_at desc limit 1`,
          [claims.channelKey, claims.visitorId],
          tx
        );
        const ask = latest ? await lockAsk(db, tx, { conversationId: latest.conversation_id }) : null;
        if (!ask) throw new AppError(409, "csat_not_rated", "csat_not_rated");
        const { rating } = await applyRating(db, tx, ask, { comment: request.body.comment }, dateOf(clock));
        return { rating };
      });
    }
  );
};

// server/src/modules/widget/widget-live.ts
import { Type as Type60 } from "@sinclair/typebox";
var maxSocketsPerVisitor = 8;
var widgetLiveRoutes = async (app, { hub, tokens, now }) => {
  app.get(
    "/widget/:channelKey/live",
    {
      websocket: true,
      config: { access: "public" },
      schema: {
        tags: ["widget"],
        summary: "Live answers for a widget visitor (WebSocket)",
        params: ChannelKeyParams,
        querystring: Type60.Object(
          { token: Type60.String({ maxLength: 1e3 }) },
          { additionalProperties: false }
        )
      },
      onRequest: async (request) => {
        const { channelKey } = request.params;
        const channel = await widgetChannel(app.db, channelKey);
        if (!siteAllowed(request.headers.origin, request.host, channel)) throw fail.crossOrigin();
      },
      preHandler: async (request) => {
        const claims = tokens.verify(request.query.token, request.params.channelKey);
        if (!claims) throw new AppError(401, "widget_session_invalid", "widget_session_invalid");
        if (hub.listeners(liveAddress.visitor(claims.visitorId)) >= maxSocketsPerVisitor)
          throw new AppError(429, "widget_too_many_sockets", "widget_too_many_sockets");
      }
    },
    (socket, request) => {
      const claims = tokens.verify(request.query.token, request.params.channelKey);
      hub.attach([liveAddress.visitor(claims.visitorId)], socket, async () => claims.expiresAt > now());
    }
  );
};

// server/src/modules/widget/widget-routes.ts
import fastifyMultipart4 from "@fastify/multipart";
import { messageLimits as messageLimits13 } from "@opora/runtime/conversations";
import { Type as Type61 } from "@sinclair/typebox";

// server/src/modules/widget/portal-visitor.ts
async function portalPageVisitor(request, identity) {
  const origin = request.headers.origin;
  if (origin === void 0 || !sameOrigin(origin, request.host)) return null;
  const cookie2 = request.cookies[sessionCookie];
  if (!cookie2) return null;
  const actor = await identity.actorFromSession(cookie2);
  return actor?.id ?? null;
}

// server/src/modules/widget/upload-types.ts
var visitorFileTypes = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
];
var inlineImage = (contentType) => ["image/png", "image/jpeg", "image/gif", "image/webp"].includes(contentType);

// server/src/modules/widget/visitor-history.ts
var visitorMessages = `
  from message m join conversation c on c.id = m.conversation_id join contact ct on ct.id = c.contact_id
 where ct.channel_key = ? and ct.external_id = ? and not m.internal`;
async function visitorHistory(db, visitor, afterSeq, limit) {
  const params = [visitor.channelKey, visitor.visitorId];
  const rows = afterSeq === void 0 ? (await db.query(
    `select m.* ${visitorMessages} order by m.seq desc limit ?`,
    [...params, limit + 1]
  )).reverse() : await db.query(
    `select m.* ${visitorMessages} and m.seq > ? order by m.seq limit ?`,
    [...params, afterSeq, limit + 1]
  );
  const hasMore = rows.length > limit;
  const page = afterSeq === void 0 ? rows.slice(rows.length > limit ? 1 : 0) : rows.slice(0, limit);
  return { messages: page.map(messageView), hasMore };
}
async function visitorMessage(db, visitor, messageId) {
  const [row] = await db.query(`select m.* ${visitorMessages} and m.id = ?`, [
    visitor.channelKey,
    visitor.visitorId,
    messageId
  ]);
  return row ? messageView(row) : null;
}
async function visitorAttachment(db, visitor, fileId) {
  const [row] = await db.query(
    `select a.value as attachment
       from message m join conversation c on c.id = m.conversation_id join contact ct on ct.id = c.contact_id
       cross join lateral jsonb_array_elements(m.attachments) a
      where ct.channel_key = ? and ct.external_id = ? and not m.internal and a.value ->> 'fileId' = ? limit 1`,
    [visitor.channelKey, visitor.visitorId, fileId]
  );
  if (!row) return null;
  const value = typeof row.attachment === "string" ? JSON.parse(row.attachment) : row.attachment;
  return value;
}
async function openConversationOf(db, visitor, tx) {
  const [row] = await db.query(
    `select c.id from conversation c join contact ct on ct.id = c.contact_id
      where ct.channel_key = ? and ct.external_id = ? and c.status = 'open'
      order by c.last_message_at desc limit 1`,
    [visitor.channelKey, visitor.visitorId],
    tx
  );
  return row?.id ?? null;
}

// server/src/modules/widget/widget-service.ts
var readBatch = 200;
var WidgetVisitors = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  /**
   * Takes a visitor's message. Its channel id is the visitor's id and the widget's message id together, so a retry
   * after a lost answer finds the message stored the first time, and no visitor can claim another's ids.
   */
  async send(visitor, input) {
    const pressed = input.pressed ? await this.pressedButton(visitor, input.pressed) : void 0;
    const text2 = pressed ? pressed.label : input.text;
    const taken = await this.deps.conversations.takeInbound(
      { type: "widget", key: visitor.channelKey },
      {
        from: { externalId: visitor.visitorId },
        externalMessageId: widgetMessageId(visitor.visitorId, input.clientMessageId),
        message: { text: text2, parts: [], attachments: input.attachments ?? [] },
        files: [],
        ...pressed ? { pressed } : {}
      }
    );
    return { message: taken.message, duplicate: taken.duplicate };
  }
  /** The button a visitor pressed, found among those the message offered them; a 400 for anything else. */
  async pressedButton(visitor, pressed) {
    const offer = await visitorMessage(this.deps.db, visitor, pressed.messageId);
    const buttons = (offer?.parts ?? []).flatMap(
      (part) => part.type === "buttons" ? part.buttons : part.options
    );
    const index = buttons.findIndex((button) => button.value === pressed.value);
    if (index < 0) throw new AppError(400, "button_unknown", "widget_button_unknown");
    return { index, label: buttons[index].label };
  }
  /**
   * The visitor saw answers up to `seq` (`read`: on screen; `delivered`: the widget got them while closed). A state
   * only moves forward; every answer that changed is pushed, so the operator sees it at once.
   */
  async report(visitor, seq, state) {
    const { db, hub } = this.deps;
    const from = state === "read" ? ["queued", "sent", "delivered"] : ["queued", "sent"];
    return db.transaction(async (tx) => {
      const rows = await db.query(
        `update message set delivery = ? where id in (
           select m.id from message m join conversation c on c.id = m.conversation_id
             join contact ct on ct.id = c.contact_id
            where ct.channel_key = ? and ct.external_id = ? and m.direction = 'out' and not m.internal
              and m.seq <= ? and m.delivery = any(?::text[])
            order by m.seq limit ?)
         returning *`,
        [state, visitor.channelKey, visitor.visitorId, seq, toPgArray(from), readBatch],
        tx
      );
      const messages = rows.map(messageView);
      const conversations = /* @__PURE__ */ new Map();
      for (const message2 of messages) {
        if (!conversations.has(message2.conversationId)) {
          const [row] = await db.query(
            "select * from conversation where id = ?",
            [message2.conversationId],
            tx
          );
          if (row) conversations.set(message2.conversationId, conversationView(row));
        }
        const conversation = conversations.get(message2.conversationId);
        if (conversation) await pushMessage(hub, db, tx, conversation, message2);
      }
      return messages.length;
    });
  }
  /** Tells whoever has the visitor's open conversation on screen that they are typing; stored nowhere. */
  async typing(visitor) {
    const { db, hub } = this.deps;
    await db.transaction(async (tx) => {
      const conversationId = await openConversationOf(db, visitor, tx);
      if (!conversationId) return;
      const push = { type: "typing", conversationId, authorKind: "client" };
      await hub.send(tx, [liveAddress.conversation(conversationId)], push);
    });
  }
  /**
   * Links a signed-in portal client's widget visitor (and the anonymous visitor they were on this browser before
   * signing in, if any) to their client card, so the operator sees one history. Staff have no card: nothing to do.
   */
  async linkPortalClient(channelKey, userId, visitorIds) {
    const { db, clock } = this.deps;
    return db.transaction(async (tx) => {
      const [user] = await db.query(
        "select record_id, name from app_user where id = ? and active",
        [userId],
        tx
      );
      if (!user?.record_id) return false;
      const [own, ...earlier] = visitorIds;
      if (!own) return false;
      await upsertContact(
        db,
        tx,
        { type: "widget", key: channelKey },
        { externalId: own, displayName: user.name },
        dateOf(clock)
      );
      const contacts = await db.query(
        `update contact set client_record_id = ?
          where channel_key = ? and external_id = any(?::text[]) and client_record_id is null returning id`,
        [user.record_id, channelKey, toPgArray([own, ...earlier].slice(0, 2))],
        tx
      );
      for (const contact of contacts)
        await db.query(
          "update conversation set client_record_id = ? where contact_id = ? and client_record_id is null",
          [user.record_id, contact.id],
          tx
        );
      return true;
    });
  }
};
var widgetMessageId = (visitorId, clientMessageId) => `${visitorId}/${clientMessageId}`;
var portalVisitorId = (userId) => `user-${userId}`;
var isPortalVisitor = (visitorId) => visitorId.startsWith("user-");

// server/src/modules/widget/widget-routes.ts
var tags30 = ["widget"];
var config2 = { access: "public", rateLimit: { max: 1e3, timeWindow: "1 minute" } };
var attachmentMb = Math.round(messageLimits13.attachmentBytes / 1024 / 1024);
var widgetRoutes = async (app, deps) => {
  const { tokens, visitors, limits } = deps;
  const { db } = app;
  app.addHook("onRequest", (request, reply) => widgetCors(db, request, reply));
  await app.register(fastifyMultipart4, {
    limits: {
      // One byte over the limit reaches the file store, which refuses it and keeps nothing.
      fileSize: messageLimits13.attachmentBytes + 1,
      files: 1,
      fields: 2,
      fieldSize: messageLimits13.text * 4,
      parts: 3,
      headerPairs: 20
    }
  });
  const visitorOf2 = (request) => {
    const { channelKey } = request.params;
    const claims = tokens.verify(bearerOf(request.headers.authorization), channelKey);
    if (!claims) throw new AppError(401, "widget_session_invalid", "widget_session_invalid");
    return { channelKey: claims.channelKey, visitorId: claims.visitorId };
  };
  app.options(
    "/widget/:channelKey/*",
    {
      config: { access: "public" },
      schema: { hide: true, params: Type61.Object({ channelKey: Type61.String(), "*": Type61.String() }) }
    },
    (_request, reply) => reply.status(204).send()
  );
  app.post(
    "/widget/:channelKey/session",
    {
      // The portal's own page sends its cookie here: portal-visitor.ts reads it only for this server's Origin.
      config: { ...config2, csrf: "origin-checked" },
      schema: {
        tags: tags30,
        summary: "Start or resume a visitor session (a token to send as Authorization: Bearer)",
        params: ChannelKeyParams,
        body: SessionInput,
        response: { 200: SessionSchema3, 429: ErrorResponse, ...errorResponses }
      }
    },
    async (request) => {
      const channel = request.widgetChannel;
      const held = tokens.verify(request.body.token, channel.key);
      const portalUser = await portalPageVisitor(request, deps.identity);
      const ownVisitor = portalUser ? portalVisitorId(portalUser) : null;
      let visitorId = held && (!isPortalVisitor(held.visitorId) || held.visitorId === ownVisitor) ? held.visitorId : void 0;
      let recognised = false;
      if (portalUser) {
        const linked = await visitors.linkPortalClient(channel.key, portalUser, [
          portalVisitorId(portalUser),
          ...held && !isPortalVisitor(held.visitorId) ? [held.visitorId] : []
        ]);
        if (linked) {
          visitorId = portalVisitorId(portalUser);
          recognised = true;
        }
      }
      if (!visitorId) limits.sessions.take(request.ip);
      const { token: token2, claims } = visitorId ? tokens.issue(visitorId, channel.key) : tokens.issueNew(channel.key);
      return {
        token: token2,
        visitorId: claims.visitorId,
        expiresAt: claims.expiresAt,
        recognised,
        channel: { key: channel.key, title: channel.title, greeting: channel.greeting }
      };
    }
  );
  app.get(
    "/widget/:channelKey/messages",
    {
      config: { access: "public" },
      schema: {
        tags: tags30,
        summary: "The visitor's history, oldest first: the latest page, or everything after a seq",
        params: ChannelKeyParams,
        querystring: HistoryQuery,
        response: { 200: HistorySchema, ...errorResponses }
      }
    },
    (request) => visitorHistory(db, visitorOf2(request), request.query.after, request.query.limit ?? 100)
  );
  app.post(
    "/widget/:channelKey/messages",
    {
      config: config2,
      schema: {
        tags: tags30,
        summary: "Send a message (or press a button); a retry with the same clientMessageId stores nothing new",
        params: ChannelKeyParams,
        body: SendInput,
        response: { 201: SentSchema, 200: SentSchema, 429: ErrorResponse, ...errorResponses }
      }
    },
    async (request, reply) => {
      const visitor = visitorOf2(request);
      takeMessage(limits, visitor, request.ip);
      const { clientMessageId, text: text2, pressed } = request.body;
      if (!pressed && !text2.trim()) throw new AppError(400, "message_empty", "widget_message_empty");
      const sent = await visitors.send(visitor, { clientMessageId, text: text2, ...pressed ? { pressed } : {} });
      return reply.status(sent.duplicate ? 200 : 201).send(sent);
    }
  );
  app.post(
    "/widget/:channelKey/uploads",
    {
      config: config2,
      schema: {
        tags: tags30,
        summary: "Send a file or picture (multipart: clientMessageId, optional text, then the file)",
        consumes: ["multipart/form-data"],
        params: ChannelKeyParams,
        response: {
          201: SentSchema,
          200: SentSchema,
          413: ErrorResponse,
          415: ErrorResponse,
          429: ErrorResponse,
          ...errorResponses
        }
      }
    },
    async (request, reply) => {
      const visitor = visitorOf2(request);
      limits.uploads.take(visitor.visitorId);
      takeMessage(limits, visitor, request.ip);
      const { fields, file } = await receiveVisitorFile(request, reply, deps.fileStore);
      const clientMessageId = fields.clientMessageId ?? "";
      if (!new RegExp(clientMessageIdPattern).test(clientMessageId))
        throw fail.validation([{ pointer: "/clientMessageId", message: "clientMessageId" }]);
      const text2 = (fields.text ?? "").slice(0, messageLimits13.text);
      const sent = await visitors.send(visitor, { clientMessageId, text: text2, attachments: [file] });
      return reply.status(sent.duplicate ? 200 : 201).send(sent);
    }
  );
  app.get(
    "/widget/:channelKey/files/:fileId",
    {
      config: { access: "public" },
      schema: {
        tags: tags30,
        summary: "A file of one of the visitor's messages",
        params: FileParams,
        produces: ["application/octet-stream"],
        response: { 200: Type61.Unknown({ description: "The content" }), 304: Type61.Null(), ...errorResponses }
      }
    },
    async (request, reply) => {
      const visitor = visitorOf2(request);
      const file = await visitorAttachment(db, visitor, request.params.fileId);
      if (!file) throw fail.notFound("file");
      return sendStoredFile(
        request,
        reply,
        { name: file.name, sha256: file.fileId, size: file.size, contentType: file.contentType },
        {
          cacheControl: "private, max-age=3600",
          inline: inlineImage(file.contentType),
          content: async () => {
            const stream = await deps.fileStore.open(file.fileId);
            if (!stream) throw fail.fileContentMissing();
            return stream;
          }
        }
      );
    }
  );
  app.post(
    "/widget/:channelKey/read",
    {
      config: config2,
      schema: {
        tags: tags30,
        summary: "Report answers up to a seq delivered to the widget or read by the visitor",
        params: ChannelKeyParams,
        body: ReportInput,
        response: { 200: Type61.Object({ updated: Type61.Integer() }), ...errorResponses }
      }
    },
    async (request) => {
      const visitor = visitorOf2(request);
      limits.reports.take(visitor.visitorId);
      return { updated: await visitors.report(visitor, request.body.seq, request.body.state) };
    }
  );
  app.post(
    "/widget/:channelKey/typing",
    {
      config: config2,
      schema: {
        tags: tags30,
        summary: "The visitor is typing (shown to whoever has the conversation open; not stored)",
        params: ChannelKeyParams,
        response: { 204: NoContent, ...errorResponses }
      }
    },
    async (request, reply) => {
      const visitor = visitorOf2(request);
      limits.typing.take(visitor.visitorId);
      await visitors.typing(visitor);
      return reply.status(204).send(null);
    }
  );
};
function takeMessage(limits, visitor, ip) {
  limits.messagesPerIp.take(ip);
  limits.messages.take(visitor.visitorId);
}
async function receiveVisitorFile(request, reply, store) {
  if (!request.isMultipart()) throw fail.unsupportedMediaType();
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (declared > messageLimits13.attachmentBytes + envelopeBytes) {
    reply.header("connection", "close");
    throw fail.fileTooLarge(attachmentMb);
  }
  const fields = {};
  for await (const part of request.parts()) {
    if (part.type === "field") {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    return { fields, file: await storeFile(part, reply, store) };
  }
  throw fail.fileUploadInvalid("file_missing");
}
async function storeFile(part, reply, store) {
  const contentType = part.mimetype.toLowerCase();
  if (!visitorFileTypes.includes(contentType)) {
    part.file.destroy();
    reply.header("connection", "close");
    throw fail.fileTypeNotAllowed(part.filename, visitorFileTypes);
  }
  try {
    return await storeAttachment(store, part.file, { name: part.filename || "file", contentType });
  } catch (error) {
    reply.header("connection", "close");
    if (error instanceof SizeLimitExceeded || error.code === "FST_REQ_FILE_TOO_LARGE")
      throw fail.fileTooLarge(attachmentMb);
    throw error;
  }
}

// server/src/modules/widget/index.ts
var portalChannelRoute = async (app) => {
  app.get(
    "/widget-channels/portal",
    {
      config: { access: "public" },
      schema: {
        tags: ["widget"],
        summary: "The widget channel the portal shows on its pages",
        response: { 200: Type62.Object({ key: Type62.Union([Type62.String(), Type62.Null()]) }) }
      }
    },
    async () => ({ key: await portalWidgetChannel(app.db) })
  );
};
var widgetModule = fp35(
  async (app, options4) => {
    const tokens = new VisitorTokens(app.settings.secretsKey, () => app.clock.now());
    if (!app.settings.secretsKey)
      app.log.warn(
        "OPORA_SECRETS_KEY is not set: chat widget visitors are signed with a key of this process only, so their sessions end at a restart and other server processes do not accept them"
      );
    const visitors = new WidgetVisitors({
      db: app.db,
      conversations: app.conversations,
      hub: app.liveHub,
      clock: app.clock
    });
    const limits = widgetRateWindows({ ...defaultWidgetLimits, ...options4.limits });
    await app.register(widgetRoutes, {
      prefix: apiPrefix,
      tokens,
      visitors,
      identity: app.identity,
      fileStore: app.fileStore,
      limits
    });
    await app.register(widgetCsatRoute, { prefix: apiPrefix, tokens, clock: app.clock });
    await app.register(widgetLiveRoutes, {
      prefix: apiPrefix,
      hub: app.liveHub,
      tokens,
      now: () => app.clock.now()
    });
    await app.register(portalChannelRoute, { prefix: apiPrefix });
    await app.register(widgetAssets, { db: app.db });
  },
  { name: "widget", dependencies: ["conversations", "auth"] }
);

// server/src/app.ts
var featureModules = [
  systemModule,
  usersModule,
  definitionsModule,
  recordsModule,
  entitiesModule,
  secretsModule,
  integrationsModule,
  scriptsModule,
  formsModule,
  filesModule,
  contentFilesModule,
  knowledgeBaseModule,
  treesModule,
  lineDefinitionsModule,
  portalPagesModule,
  bundlesModule,
  jobsModule,
  viewsModule,
  portalAccountModule,
  conversationsModule,
  answerTemplatesModule,
  csatModule,
  escalationModule,
  dialogSideModule,
  distributionModule,
  supervisorModule,
  botsModule,
  requestThreadsModule,
  liveModule,
  announcementsModule,
  widgetModule
];
async function buildApp(deps) {
  const settings = settingsFrom(deps.config);
  const app = Fastify({
    logger: withLogRedaction(deps.logger ?? { level: settings.logLevel }),
    trustProxy: fastifyTrustProxy(settings.trustProxy),
    bodyLimit: settings.bodyLimitBytes,
    ajv: { customOptions: { removeAdditional: false } },
    // Refusals fastify makes before any hook (a malformed URL, unparseable HTTP) answer in the API's shape too.
    frameworkErrors: answerError,
    clientErrorHandler: answerClientError
  }).withTypeProvider();
  app.setValidatorCompiler(validatorCompiler);
  await app.register(adapters, { db: deps.db, settings, gateway: deps.gateway, clock: deps.clock });
  await app.register(httpPlatform);
  await app.register(authModule);
  for (const feature of featureModules) await app.register(feature);
  await app.register(uiModule, { serve: deps.serveUi !== false, roots: deps.uiRoots });
  return app;
}
async function startBackgroundWork(app) {
  await app.recurringJobs.start();
  await app.telegramPollers.start();
  await app.imapPollers.start();
}
export {
  buildApp,
  startBackgroundWork
};
