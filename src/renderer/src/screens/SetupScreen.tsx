import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, SyncStatus } from '../../../shared/domain';
import { ChapterArrival } from '../components/ChapterArrival';
import { ConnectForm } from '../components/ConnectForm';
import { CreateChapterForm } from '../components/CreateChapterForm';

type Start = 'create' | 'join';
const STARTS: Start[] = ['create', 'join'];

interface SetupScreenProps {
  syncStatus: SyncStatus | null;
  onDone: (chapter: Chapter) => void;
  onEnrolled: (status: SyncStatus) => void;
}

export function SetupScreen({ syncStatus, onDone, onEnrolled }: SetupScreenProps) {
  const { t } = useTranslation();
  const [start, setStart] = useState<Start>('create');

  // Enrolled without a chapter: the laptop joined one, which comes with the first sync. This also
  // holds after a restart half-way, so the form is not offered a second time.
  if (syncStatus && syncStatus.state !== 'not-enrolled') {
    return <ChapterArrival status={syncStatus} onArrived={onDone} />;
  }

  return (
    <main className="page page--narrow">
      <h1>{t('setup.title')}</h1>
      <fieldset className="choice">
        <legend className="choice__legend">{t('setup.start')}</legend>
        {STARTS.map((option) => (
          <div key={option} className="choice__option">
            <input
              type="radio"
              id={`setup-start-${option}`}
              name="setup-start"
              value={option}
              checked={start === option}
              aria-describedby={`setup-start-${option}-hint`}
              onChange={() => setStart(option)}
            />
            <label htmlFor={`setup-start-${option}`} className="choice__label">
              {t(`setup.${option}`)}
            </label>
            <p id={`setup-start-${option}-hint`} className="choice__hint">
              {t(`setup.${option}Hint`)}
            </p>
          </div>
        ))}
      </fieldset>
      {start === 'create' ? (
        <CreateChapterForm onDone={onDone} />
      ) : (
        <>
          <p className="muted">{t('setup.joinIntro')}</p>
          <div className="card">
            <ConnectForm
              idPrefix="join"
              askName
              submitLabel={t('setup.joinSubmit')}
              busyLabel={t('setup.joining')}
              onEnrolled={onEnrolled}
            />
          </div>
        </>
      )}
    </main>
  );
}
