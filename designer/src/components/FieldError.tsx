import type { ErrorDetail } from '@opora/sdk';

/** The server's problems with one input, shown right under it. */
export function FieldError({ details, pointer }: { details: ErrorDetail[]; pointer: string }) {
  const mine = details.filter((d) => d.pointer === pointer);
  if (!mine.length) return null;
  return (
    <span className="field-error" role="alert">
      {mine.map((d) => d.message).join('; ')}
    </span>
  );
}
