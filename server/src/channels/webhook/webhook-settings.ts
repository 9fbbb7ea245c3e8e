/** A webhook messenger channel's settings, with the shared secret already read from the secret store. */
export interface WebhookSettings {
  /** The shared secret both directions are signed with. */
  secret: string;
  /** Where answers are POSTed (the messenger gateway's endpoint). */
  outboundUrl: string;
  /** Private addresses the administrator allowed for the gateway (`10.0.0.5:8080`), as for integrations. */
  allowedAddresses?: string[];
}
