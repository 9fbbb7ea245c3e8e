/** The conversation views live in the SDK: the server, the widget and the operators' screens share them. */
export type { ContactView, ConversationView, Handler, MessageView } from '@opora/sdk';
