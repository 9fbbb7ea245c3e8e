/** An e-mail channel's settings, with the SMTP password already read from the secret store. */
export interface EmailSettings {
  /** The support mailbox clients write to; answers come from it. */
  address: string;
  /** Shown beside the address in the client's mail program: «Служба поддержки». */
  displayName?: string;
  /** Where answers are sent through. */
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string };
}

/** How much one inbound e-mail may be: whole message, its header block, its HTML that gets converted to text. */
export const mailLimits = {
  messageBytes: 30 * 1024 * 1024,
  headerBytes: 256 * 1024,
  htmlChars: 2 * 1024 * 1024,
} as const;
