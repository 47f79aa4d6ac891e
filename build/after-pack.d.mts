/** Types of after-pack.mjs for the test that checks it (tests/unit/packaging.test.ts). */
export const FUSES: Record<string, unknown>;
export function electronBinary(context: unknown): string;
export default function afterPack(context: unknown): Promise<void>;
