import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const format = 'v1';

/**
 * AES-256-GCM with a key derived from OPORA_SECRETS_KEY. The secret's name is authenticated data, so a
 * ciphertext copied onto another secret's row does not decrypt.
 */
export class SecretCipher {
  private constructor(private readonly key: Buffer) {}

  static fromPassphrase(passphrase: string): SecretCipher {
    if (passphrase.length < 16) throw new Error('OPORA_SECRETS_KEY must be at least 16 characters long');
    return new SecretCipher(scryptSync(passphrase, 'opora-secrets-v1', 32));
  }

  encrypt(name: string, value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(name));
    const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return [format, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
      .join(':');
  }

  /** Throws when the key differs from the one the value was stored with (or the row was tampered with). */
  decrypt(name: string, stored: string): string {
    const [version, iv, tag, data] = stored.split(':');
    if (version !== format || !iv || !tag || data === undefined)
      throw new Error(`secret "${name}" has an unknown format`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(
        `secret "${name}" cannot be decrypted: OPORA_SECRETS_KEY is not the key it was stored with`,
      );
    }
  }
}
