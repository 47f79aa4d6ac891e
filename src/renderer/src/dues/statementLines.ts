import type { TFunction } from 'i18next';
import type { StatementLineState, StatementLineView } from '../../../shared/payments';

export function groupLines(
  lines: readonly StatementLineView[],
): Record<StatementLineState, StatementLineView[]> {
  const groups: Record<StatementLineState, StatementLineView[]> = {
    match: [],
    unmatched: [],
    'already-recorded': [],
    ignored: [],
  };
  for (const line of lines) groups[line.state].push(line);
  return groups;
}

const STATUS_WORDS = {
  failed: 'failed',
  reversed: 'reversed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  pending: 'pending',
} as const;

/**
 * Why a line is never recorded, in the secretary's language. The service gives a key: "outgoing",
 * "not-completed", "status: <the file's status>", "amount: missing", "date: missing", or
 * "<field>: <what is wrong>" for a value it could not read (shown as it comes).
 */
export function ignoredReason(text: string | null, t: TFunction): string {
  if (!text) return t('statement.ignoredReasons.unreadable');
  if (text === 'outgoing') return t('statement.ignoredReasons.outgoing');
  if (text === 'not-completed') return t('statement.ignoredReasons.notCompleted');
  if (text === 'amount: missing') return t('statement.ignoredReasons.noAmount');
  if (text === 'date: missing') return t('statement.ignoredReasons.noDate');
  const status = /^status:\s*(.+)$/i.exec(text)?.[1]?.trim();
  if (status) {
    const word = STATUS_WORDS[status.toLowerCase() as keyof typeof STATUS_WORDS] as
      (typeof STATUS_WORDS)[keyof typeof STATUS_WORDS] | undefined;
    return word ? t(`statement.ignoredReasons.${word}`) : t('statement.ignoredReasons.status', { status });
  }
  return text;
}
