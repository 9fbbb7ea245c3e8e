import { textOn } from '../lib/badge-colors';

/** A status shown as a coloured pill, in the colour the analyst gave the status. */
export function StatusBadge({ label, color }: { label: string; color?: string }) {
  const background = color ?? '#e4e7ec';
  return (
    <span className="status" style={{ background, color: textOn(background) }}>
      {label}
    </span>
  );
}
