import type { SecretSummary } from '@opora/sdk';

/** Known secret names plus any the draft already names (a secret may be set later, or deleted since). */
export function secretOptions(secrets: readonly SecretSummary[], ...used: string[]): string[] {
  return [...new Set([...secrets.map((s) => s.name), ...used.filter(Boolean)])].sort();
}

/** A secret name suggested for a new secret of a definition (`support_bot` + `token` → `support_bot_token`). */
export function suggestedSecretName(definitionKey: string, purpose: string): string {
  const base = definitionKey
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, () => '_')
    .replace(/^[^a-z]+|_+$/g, () => '');
  return `${base || 'secret'}_${purpose}`.slice(0, 63);
}
