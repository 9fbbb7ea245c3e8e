import type { Harness } from '@opora/server/testing/test-app';
import { measureInterleaved, type Row } from './measure.js';

const keys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]));

/**
 * What a hostile anonymous body costs the server, beside an ordinary request to the same route: a walk event with
 * 990 unknown keys (validated, 100 problems listed) and one with 50,000 (refused while parsing). Each run comes
 * from another address, so the route's rate limit does not answer instead.
 */
export async function hostileBodies(h: Harness, runs: number): Promise<Row[]> {
  const url = '/api/v1/portal/walks/00000000-0000-4000-8000-000000000000/events';
  const post = (payload: string, expected: number) => async (i: number) => {
    const res = await h.app.inject({
      method: 'POST',
      url,
      remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      headers: { 'content-type': 'application/json' },
      payload,
    });
    if (res.statusCode !== expected) throw new Error(`expected ${expected}, got ${res.statusCode}`);
  };
  const event = { type: 'choose', node: 'a' };
  const [ordinary, wide, huge] = await measureInterleaved(
    [
      post(JSON.stringify(event), 404),
      post(JSON.stringify({ ...event, ...keys(990) }), 400),
      post(JSON.stringify({ ...event, ...keys(50_000) }), 400),
    ],
    Math.min(runs, 200),
    { warmup: 5 },
  );
  const baseline = `a valid event for an unknown walk ${ordinary.medianMs.toFixed(2)} ms`;
  return [
    {
      benchmark: 'walk event with 990 unknown keys (400, 100 problems)',
      figure: `${wide.medianMs.toFixed(2)} ms median`,
      baseline,
      ratio: `${(wide.medianMs / ordinary.medianMs).toFixed(1)}×`,
    },
    {
      benchmark: 'walk event with 50,000 unknown keys (400 at parse)',
      figure: `${huge.medianMs.toFixed(2)} ms median`,
      baseline,
      ratio: `${(huge.medianMs / ordinary.medianMs).toFixed(1)}×`,
    },
  ];
}
