/** Where «Диалоги» lives: beside the operator's window, so it shares the staff bar and the wide layout. */
export const conversationsPath = '/operator/conversations';

export const conversationPath = (id: string) => `${conversationsPath}/${encodeURIComponent(id)}`;
