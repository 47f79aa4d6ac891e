/**
 * Where this laptop keeps its sync token. The desktop app seals it with the system's keystore
 * (Electron's safeStorage: Keychain, DPAPI, libsecret/KWallet), so the chapter file alone, copied or
 * backed up elsewhere, carries no usable token. The command line and browser mode have no keystore:
 * they keep the token as it is, in the chapter file, which only its owner can read (0600).
 */
export interface SecretStore {
  readonly kind: 'keystore' | 'file';
  /** The form to store. */
  protect(plain: string): string;
  /** The token again, or null when it is sealed by a keystore this process cannot open. */
  reveal(stored: string): string | null;
}

/** What Electron's safeStorage offers in the main process once the app is ready. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  /** Linux only. */
  getSelectedStorageBackend(): string;
  encryptString(plain: string): Buffer;
  /** Throws when the data was not sealed by this keystore (another computer, user or keyring). */
  decryptString(sealed: Buffer): string;
}

/** Marks a keystore-sealed value (format 1: base64 of what the keystore returned). */
const SEALED = 'ks1:';

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED);
}

export const fileSecretStore: SecretStore = {
  kind: 'file',
  protect: (plain) => plain,
  reveal: (stored) => (isSealed(stored) ? null : stored),
};

/**
 * Seals what it stores; still reads a token stored in the clear (by the command line, or before
 * the app used a keystore), which the sync service then seals.
 */
export function keystoreSecretStore(
  keystore: Pick<SafeStorage, 'encryptString' | 'decryptString'>,
): SecretStore {
  return {
    kind: 'keystore',
    protect: (plain) => `${SEALED}${keystore.encryptString(plain).toString('base64')}`,
    reveal(stored) {
      if (!isSealed(stored)) return stored;
      try {
        return keystore.decryptString(Buffer.from(stored.slice(SEALED.length), 'base64'));
      } catch {
        // Not this keystore's: the caller says so and asks for a new enrolment.
        return null;
      }
    },
  };
}

/**
 * The desktop app's store: the keystore, unless there is none. On Linux without a keyring Electron
 * falls back to a fixed key ("basic_text") that protects nothing; the token then stays in the 0600
 * chapter file, as for the command line, and the log says so.
 */
export function appSecretStore(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform = process.platform,
  warn: (message: string) => void = console.warn,
): SecretStore {
  const basicText = platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (safeStorage.isEncryptionAvailable() && !basicText) return keystoreSecretStore(safeStorage);
  warn('No system keystore: the sync token is kept in the chapter file, readable only by you.');
  return fileSecretStore;
}
