import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { enrolmentCodeHash, newEnrolmentCode } from './auth';
import { notFound, parseInput } from './http-error';
import { countStatuses, emptyCounts, type StatusCounts } from './member-status';
import type { ChapterSummary, DeviceRecord, SyncStore } from './store/types';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_CODE_TTL_MS = 7 * DAY_MS;
const MAX_CODE_TTL_MS = 90 * DAY_MS;

export const chapterInput = z.object({ name: z.string().trim().min(1, 'Give the chapter a name').max(200) });
export const enrolmentInput = z.object({
  chapterId: z.uuid('The chapter id is a UUID'),
  expiresInMs: z
    .number()
    .int()
    .min(60_000, 'A code must stay valid for at least a minute')
    .max(MAX_CODE_TTL_MS, 'A code may stay valid for at most 90 days')
    .default(DEFAULT_CODE_TTL_MS),
});
const deviceIdInput = z.uuid('The device id is a UUID');

/** JSON-ready views, identical whether the CLI reads the database or the server's admin API. */
export interface AdminChapter {
  id: string;
  name: string;
  createdAt: string;
  lastSeq: number;
  activeDevices: number;
  revokedDevices: number;
  lastSyncAt: string | null;
}

export interface AdminDevice {
  id: string;
  chapterId: string;
  chapterName: string;
  name: string;
  nodeId: string;
  createdAt: string;
  lastSeenAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastClientSeq: number | null;
  revokedAt: string | null;
}

export interface IssuedCode {
  code: string;
  chapterId: string;
  chapterName: string;
  expiresAt: string;
}

export interface AdminOverview {
  generatedAt: string;
  today: string;
  chapters: (AdminChapter & { members: StatusCounts })[];
  devices: AdminDevice[];
}

/** What the `chapterdesk server` admin commands need, over the database or over HTTP. */
export interface AdminOperations {
  addChapter(name: string): Promise<AdminChapter>;
  listChapters(): Promise<AdminChapter[]>;
  issueEnrolmentCode(chapterId: string, expiresInMs?: number): Promise<IssuedCode>;
  listDevices(): Promise<AdminDevice[]>;
  revokeDevice(id: string): Promise<AdminDevice>;
}

export interface AdminService extends AdminOperations {
  overview(): Promise<AdminOverview>;
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

function chapterView(chapter: ChapterSummary): AdminChapter {
  return {
    id: chapter.id,
    name: chapter.name,
    createdAt: chapter.createdAt.toISOString(),
    lastSeq: chapter.lastSeq,
    activeDevices: chapter.activeDevices,
    revokedDevices: chapter.revokedDevices,
    lastSyncAt: iso(chapter.lastSyncAt),
  };
}

function deviceView(device: DeviceRecord): AdminDevice {
  return {
    id: device.id,
    chapterId: device.chapterId,
    chapterName: device.chapterName,
    name: device.name,
    nodeId: device.nodeId,
    createdAt: device.createdAt.toISOString(),
    lastSeenAt: iso(device.lastSeenAt),
    lastPushAt: iso(device.lastPushAt),
    lastPullAt: iso(device.lastPullAt),
    lastClientSeq: device.lastClientSeq,
    revokedAt: iso(device.revokedAt),
  };
}

export function createAdminService({ store, now }: { store: SyncStore; now: () => number }): AdminService {
  return {
    async addChapter(name) {
      const input = parseInput(chapterInput, { name }, 'chapter');
      const chapter = await store.createChapter({ id: randomUUID(), name: input.name, at: new Date(now()) });
      return chapterView({ ...chapter, activeDevices: 0, revokedDevices: 0, lastSyncAt: null });
    },

    async listChapters() {
      return (await store.listChapters()).map(chapterView);
    },

    async issueEnrolmentCode(chapterId, expiresInMs) {
      const input = parseInput(enrolmentInput, { chapterId, expiresInMs }, 'enrolment request');
      const chapter = await store.findChapter(input.chapterId);
      if (!chapter) throw notFound(`There is no chapter ${input.chapterId}.`);
      const code = newEnrolmentCode();
      const at = now();
      const expiresAt = new Date(at + input.expiresInMs);
      await store.createEnrolmentCode({
        codeHash: enrolmentCodeHash(code),
        chapterId: chapter.id,
        at: new Date(at),
        expiresAt,
      });
      return { code, chapterId: chapter.id, chapterName: chapter.name, expiresAt: expiresAt.toISOString() };
    },

    async listDevices() {
      return (await store.listDevices()).map(deviceView);
    },

    async revokeDevice(id) {
      const deviceId = parseInput(deviceIdInput, id, 'device id');
      const device = await store.revokeDevice(deviceId, new Date(now()));
      if (!device) throw notFound(`There is no device ${deviceId}.`);
      return deviceView(device);
    },

    async overview() {
      const at = new Date(now());
      const today = at.toISOString().slice(0, 10);
      const [chapters, devices, facts] = await Promise.all([
        store.listChapters(),
        store.listDevices(),
        store.memberFacts(),
      ]);
      const counts = countStatuses(facts, at);
      return {
        generatedAt: at.toISOString(),
        today,
        chapters: chapters.map((c) => ({ ...chapterView(c), members: counts.get(c.id) ?? emptyCounts() })),
        devices: devices.map(deviceView),
      };
    },
  };
}
