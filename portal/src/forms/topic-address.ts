/**
 * A request's topic travels to the portal form in its address (`/contact?form=feedback&topic=…`), so the helper can
 * hand over the path the visitor took, and the link still works when opened in a new tab.
 */
const topicParam = 'topic';

/** The address with `topic` set (an empty topic leaves the address as it was). */
export function withTopic(address: string, topic: string): string {
  if (!topic.trim()) return address;
  const [path = '', query = ''] = address.split('?');
  const params = new URLSearchParams(query);
  params.set(topicParam, topic);
  return `${path}?${params.toString()}`;
}

/** The topic an address carries; '' when none. */
export function topicOf(address: string): string {
  const query = address.split('#')[0]?.split('?')[1] ?? '';
  return (new URLSearchParams(query).get(topicParam) ?? '').trim();
}
