import type { ContactSummary } from '@opora/sdk';

/** How a contact is called on screen: their name, else their address, else «Посетитель». */
export function contactName(contact: ContactSummary | undefined, fallback: string): string {
  return contact?.displayName || contact?.email || contact?.phone || fallback;
}
