/**
 * The sync token's keystore (Electron's safeStorage) exists in the main process only, while sync
 * runs on the data thread, and SecretStore is synchronous. So the thread asks main over a port of
 * their own and blocks itself, not main, until main has answered: main's answer is queued on the
 * port before it wakes the thread, which then reads it without an event loop turn. It happens when
 * sync reads or stores its token, a few times per sync.
 */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { SecretStore } from '../sync/secrets';
import type { SecretsBridgeEnd } from './protocol';

type SecretRequest = { op: 'protect' | 'reveal'; value: string };
type SecretReply = { value: string | null } | { error: string };

/** Longer than any keystore prompt should take; past it the thread's sync fails instead of hanging. */
const ANSWER_WITHIN_MS = 60_000;

/** Main's side: answers the thread's requests from the app's store. */
export function serveSecrets(store: SecretStore): { end: SecretsBridgeEnd; close(): void } {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const answered = new Int32Array(signal);
  port1.on('message', ({ op, value }: SecretRequest) => {
    let reply: SecretReply;
    try {
      reply = { value: op === 'protect' ? store.protect(value) : store.reveal(value) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    port1.postMessage(reply);
    Atomics.store(answered, 0, 1);
    Atomics.notify(answered, 0);
  });
  // The thread's life decides the app's, not this port's.
  port1.unref();
  return { end: { port: port2, signal }, close: () => port1.close() };
}

/** The thread's side: a keystore SecretStore whose calls wait for main's answer. */
export function bridgedSecretStore({ port, signal }: SecretsBridgeEnd): SecretStore {
  const answered = new Int32Array(signal);
  const ask = (request: SecretRequest): string | null => {
    Atomics.store(answered, 0, 0);
    port.postMessage(request);
    Atomics.wait(answered, 0, 0, ANSWER_WITHIN_MS);
    const received = receiveMessageOnPort(port);
    if (!received) throw new Error('The keystore did not answer.');
    const reply = received.message as SecretReply;
    if ('error' in reply) throw new Error(reply.error);
    return reply.value;
  };
  return {
    kind: 'keystore',
    protect(plain) {
      const sealed = ask({ op: 'protect', value: plain });
      if (sealed === null) throw new Error('The keystore sealed nothing.');
      return sealed;
    },
    reveal: (stored) => ask({ op: 'reveal', value: stored }),
  };
}
