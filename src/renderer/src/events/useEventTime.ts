import { useMemo } from 'react';
import { useFormat } from '../i18n/useFormat';
import { eventTimeFormat, type EventTimeFormat } from './eventTime';

/** Event dates and times in the current language, on the chapter's clock. */
export function useEventTime(): EventTimeFormat {
  const { locale } = useFormat();
  return useMemo(() => eventTimeFormat(locale), [locale]);
}
