/** Problems shown right under the input they are about (the input's aria-describedby points at `id`). */
export function Messages({
  messages,
  id,
  className,
}: {
  messages: readonly string[];
  id?: string;
  className?: string;
}) {
  if (!messages.length) return null;
  return (
    <span className={className ? `field-error ${className}` : 'field-error'} role="alert" id={id}>
      {messages.join('; ')}
    </span>
  );
}
