import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError, unauthorised } from './http-error';
import type { DeviceIdentity, SyncStore } from './store/types';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** A device's bearer token: shown once at enrolment, stored only as its SHA-256. */
export function newDeviceToken(): string {
  return randomToken('cdt_');
}

export function newAdminToken(): string {
  return randomToken('cda_');
}

// Crockford base32: no I, L, O or U, so a code read aloud or copied by hand survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;

/** 80 random bits as XXXX-XXXX-XXXX-XXXX, for a secretary to type into the app. */
export function newEnrolmentCode(): string {
  // 256 is a multiple of 32, so taking each byte modulo 32 is unbiased.
  const chars = [...randomBytes(CODE_LENGTH)].map((byte) => CODE_ALPHABET[byte % 32]!);
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

/** Forgives case, spaces, dashes and the look-alike letters a person may type. */
export function normaliseEnrolmentCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function enrolmentCodeHash(input: string): string {
  return sha256Hex(normaliseEnrolmentCode(input));
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** The device behind the request's bearer token; refused when missing, unknown or revoked. */
export async function authenticateDevice(request: FastifyRequest, store: SyncStore): Promise<DeviceIdentity> {
  const token = bearerToken(request);
  if (!token) throw unauthorised('Send the device token as "Authorization: Bearer <token>".');
  const device = await store.findDeviceByTokenHash(sha256Hex(token));
  if (!device) throw unauthorised('This device token is not known; enrol the device again.');
  if (device.revokedAt) {
    throw unauthorised('This device has been revoked by the server administrator; enrol it again to sync.');
  }
  return device;
}

/** Checks admin tokens in constant time by comparing digests of equal length. */
export function adminTokenChecker(adminToken: string): (candidate: string | null | undefined) => boolean {
  if (adminToken.length < 16) throw new Error('The admin token must be at least 16 characters long.');
  const expected = createHash('sha256').update(adminToken, 'utf8').digest();
  return (candidate) =>
    typeof candidate === 'string' &&
    timingSafeEqual(createHash('sha256').update(candidate, 'utf8').digest(), expected);
}

export function requireAdmin(isAdmin: (candidate: string | null) => boolean, request: FastifyRequest): void {
  if (!isAdmin(bearerToken(request))) {
    throw new HttpError(
      401,
      'UNAUTHORISED',
      'This needs the server admin token as "Authorization: Bearer <token>".',
    );
  }
}
