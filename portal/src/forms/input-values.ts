/** Conversions between what inputs show and what records store. */

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO moment as a `datetime-local` input shows it, in the browser's time zone. */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value back to an ISO moment; empty stays empty. */
export function fromLocalInput(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A typed number, accepting a decimal comma; what is not a number is kept as typed so validation can say so. */
export function parseNumberInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : trimmed;
}
