import '../import/import.css';
import { useTranslation } from 'react-i18next';
import { ImportHistory } from '../import/ImportHistory';
import { ImportWizard } from '../import/ImportWizard';

interface ImportScreenProps {
  dataVersion: number;
  onChanged: () => void;
  onOpenMembers: () => void;
}

export function ImportScreen({ dataVersion, onChanged, onOpenMembers }: ImportScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow import-page">
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <ImportWizard onChanged={onChanged} onOpenMembers={onOpenMembers} />
      <ImportHistory dataVersion={dataVersion} onUndone={onChanged} />
    </main>
  );
}
