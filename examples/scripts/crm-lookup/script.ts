// Looks the request's client up in the company CRM by e-mail, notes what the CRM knows on the request,
// and raises the priority for key accounts. Runs as the user (or step) that calls it.

interface Input {
  requestId: string;
}

interface CrmClient {
  id: string;
  tier: 'standard' | 'gold' | 'platinum';
  manager?: string;
}

const priorityByTier: Record<CrmClient['tier'], string | undefined> = {
  platinum: 'critical',
  gold: 'high',
  standard: undefined,
};

export default async function run(ctx: ScriptContext<Input>) {
  const request = await ctx.records.get('request', ctx.input.requestId);
  const clientId = request.data.client as string | undefined;
  if (!clientId) return { found: false, reason: 'the request has no client' };
  const client = await ctx.records.get('client', clientId);
  const email = client.data.email as string | undefined;
  if (!email) return { found: false, reason: 'the client has no e-mail' };

  // The integration adds the CRM's bearer token itself; the script never sees it.
  const answer = await ctx.http.fetch('crm', '/clients', { query: { email } });
  if (!answer.ok) throw new Error(`the CRM answered ${answer.status}`);
  const crm = answer.json<{ items: CrmClient[] }>().items[0];
  if (!crm) {
    ctx.log.info('not in the CRM:', email);
    return { found: false, reason: 'not in the CRM' };
  }

  const priority = priorityByTier[crm.tier] ?? (request.data.priority as string);
  const note = `CRM: клиент ${crm.id}, уровень ${crm.tier}, менеджер ${crm.manager ?? '—'}`;
  const updated = await ctx.records.update('request', request.id, request.version, {
    priority,
    description: `${request.data.description as string}\n\n${note}`,
  });
  ctx.log.info('request', updated.number, 'priority', priority);
  return { found: true, crmId: crm.id, tier: crm.tier, priority };
}
