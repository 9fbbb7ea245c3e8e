/**
 * Who a live message is for. A socket listens on several addresses at once (its user, the rooms it joined), and a
 * writer addresses a message to any of them; every server process delivers to the sockets it holds.
 */
export const liveAddress = {
  /** Every socket of a signed-in user (staff or portal client). */
  user: (userId: string) => `user:${userId}`,
  /** The chat widget of one anonymous or signed-in visitor. */
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  /** Everyone who has a conversation open on screen. */
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  /** Staff serving a line: its queue changed (a dialog joined, was taken, transferred or returned). */
  line: (lineKey: string) => `line:${lineKey}`,
  /** Operators, supervisors and admins: new conversations and messages for the work screen's list. */
  contactCentre: 'room:contact-centre',
  /** Every staff socket of a role's holders: a task offered to the role (its inbox changed). */
  role: (role: string) => `role:${role}`,
  /** Supervisors and admins: their board changed in a way no conversation event tells (an operator's status). */
  supervisors: 'room:supervisors',
} as const;
