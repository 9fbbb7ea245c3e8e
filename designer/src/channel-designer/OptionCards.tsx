/**
 * A choice among a few options, each with a sentence explaining it, as radio buttons drawn as cards (the channel's
 * type, Telegram's delivery mode): the explanation is read before choosing, not after.
 */
export function OptionCards<Value extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  testId,
}: {
  legend: string;
  name: string;
  value: Value;
  options: { value: Value; name: string; about: string }[];
  onChange: (value: Value) => void;
  testId?: string;
}) {
  return (
    <fieldset className="fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="cd-cards">
        {options.map((option) => (
          <label
            key={option.value}
            className={option.value === value ? 'cd-card selected' : 'cd-card'}
            data-testid={testId ? `${testId}-${option.value}` : undefined}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span className="cd-card-text">
              <span className="cd-card-name">{option.name}</span>
              <span className="hint">{option.about}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
