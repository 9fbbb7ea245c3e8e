import { WithCode } from './WithCode';

/** Under an input: its problem when it has one, its hint otherwise (so the line under it never jumps twice). */
export function FieldNote({ message, hint, id }: { message: string | undefined; hint: string; id?: string }) {
  return message ? (
    <span className="field-error" id={id}>
      {message}
    </span>
  ) : (
    <span className="hint" id={id}>
      <WithCode text={hint} />
    </span>
  );
}
