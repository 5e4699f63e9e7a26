import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureOwnerOnlyDirectory } from '../shared/owner-only-files.ts';

/**
 * `context` says what the text is and where it belongs (a session row's key, the OAuth flow): text
 * sealed for one context does not open in another, so a sealed value cannot be moved elsewhere.
 */
export type SecretBox = {
  seal(plaintext: string, context: string): string;
  /** undefined when the text was not sealed with this key and context, or was altered. */
  open(sealed: string, context: string): string | undefined;
};

const KEY_FILE = 'session-key';

/**
 * The key that seals session credentials at rest: SESSION_SECRET when set, else a random key kept
 * next to the database (mode 0600), so a copied database file alone gives no one a token.
 */
export function loadSessionKey(dataDir: string, secret: string | undefined): Buffer {
  if (secret) return createHash('sha256').update(secret).digest();
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
  }
  ensureOwnerOnlyDirectory(dataDir);
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

/** AES-256-GCM: confidentiality and a check that nobody changed the text. */
export function createSecretBox(key: Buffer): SecretBox {
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed, context) {
      try {
        const raw = Buffer.from(sealed, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
