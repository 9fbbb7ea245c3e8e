/**
 * The data type of client cards. The support-desk template names it `client`; the card shows «Переписка» on it.
 * (The portal account's mapping can name another type; the server's timeline answers for any record, so only
 * this switch would have to follow.)
 */
export const clientType = 'client';
