import type { OporaClient } from '@opora/sdk';

/**
 * The support-desk template's lines work weekdays 9–18 in Moscow and answer out of hours with a reply of their own;
 * a browser test runs at any hour, so the lines it routes to are republished without hours, as an admin would for a
 * round-the-clock team. Without this a test passes by day and fails at night.
 */
export async function linesWorkRoundTheClock(admin: OporaClient, keys?: string[]): Promise<void> {
  const lines = (await admin.listDefinitions({ kind: 'line' })).items.filter(
    (line) => !keys || keys.includes(line.key),
  );
  if (keys && lines.length !== keys.length)
    throw new Error(`the template lacks one of the lines ${keys.join(', ')}`);
  for (const line of lines) {
    const full = await admin.getDefinition(line.id);
    const { hours, outOfHours: _outOfHours, ...body } = full.body as Record<string, unknown>;
    if (!hours) continue;
    const saved = await admin.updateDefinition(line.id, {
      name: full.name,
      body,
      draftVersion: full.draftVersion,
    });
    await admin.publishDefinition(line.id, saved.draftVersion);
  }
}
