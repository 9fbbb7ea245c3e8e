/** Problems shown right under the input they are about. */
export function Messages({ messages, id }: { messages: readonly string[]; id?: string }) {
  if (!messages.length) return null;
  return (
    <span className="field-error" role="alert" id={id}>
      {messages.join('; ')}
    </span>
  );
}
