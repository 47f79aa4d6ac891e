import { useTranslation } from 'react-i18next';
import type { ImportCounts } from '../../../shared/imports';
import { useFormat } from '../i18n/useFormat';
import type { JobStatus } from './useImportJob';

const KINDS = ['created', 'updated', 'unchanged', 'rejected', 'possibleDuplicates', 'merged'] as const;

/**
 * What a screen reader says while an import runs and when it ends: the phase as it changes (not
 * every row count, which would never stop talking), then the title and each count that is not
 * zero. On the page from the first moment of the import, as a live region must be to be heard.
 */
export function ImportAnnouncement({ status }: { status: Exclude<JobStatus, { state: 'idle' }> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = (found: ImportCounts) =>
    new Intl.ListFormat(format.locale, { type: 'unit' }).format(
      KINDS.filter((kind) => found[kind] > 0).map(
        (kind) => `${format.number(found[kind])} ${t(`import.counts.${kind}`, { count: found[kind] })}`,
      ),
    );
  const text = {
    running: () =>
      status.state === 'running' && status.progress
        ? t(`import.progress.${status.progress.phase}`)
        : t('import.progress.starting'),
    done: () =>
      status.state === 'done'
        ? [t('import.commit.title'), counts(status.result.counts)].filter(Boolean).join(': ')
        : '',
    cancelled: () => t('import.commit.cancelled'),
    failed: () => t('import.commit.stopped'),
  }[status.state]();
  return (
    <p className="visually-hidden" role="status" data-testid="import-announcement">
      {text}
    </p>
  );
}
