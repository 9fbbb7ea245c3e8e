import type { OporaClient } from '@opora/sdk';

/**
 * The support-desk template's lines work weekdays 9–18 in Moscow and answer out of hours with a reply of their own;
 * a browser test runs at any hour, so the lines it routes to are republished without hours, as an admin would for a
 * round-the-clock team. Without this a test passes by day and fails at night.
 *
 * `withoutBots`: the lines are also republished without their bot («Общие вопросы» names `first-line-bot`), for a
 * test of the plain queue path, where a dialog must reach operators at once.
 */
export async function linesWorkRoundTheClock(
  admin: OporaClient,
  keys?: string[],
  options: { withoutBots?: boolean } = {},
): Promise<void> {
  const lines = (await admin.listDefinitions({ kind: 'line' })).items.filter(
    (line) => !keys || keys.includes(line.key),
  );
  if (keys && lines.length !== keys.length)
    throw new Error(`the template lacks one of the lines ${keys.join(', ')}`);
  for (const line of lines) {
    const full = await admin.getDefinition(line.id);
    const { hours, outOfHours: _outOfHours, ...kept } = full.body as Record<string, unknown>;
    const dropsBot = options.withoutBots === true && kept.bot !== undefined;
    if (!hours && !dropsBot) continue;
    const body = dropsBot ? withoutBot(kept) : kept;
    const saved = await admin.updateDefinition(line.id, {
      name: full.name,
      body,
      draftVersion: full.draftVersion,
    });
    await admin.publishDefinition(line.id, saved.draftVersion);
  }
}

/** The line's body with nobody but people answering (a bot-only line without its bot would not publish). */
function withoutBot(body: Record<string, unknown>): Record<string, unknown> {
  const { bot: _bot, botOnly: _botOnly, ...people } = body;
  return people;
}
