import '../import/import.css';
import { useTranslation } from 'react-i18next';
import type { Chapter, MembershipType } from '../../../shared/domain';
import type { TypeChange } from '../dues/MembershipTypesSection';
import { ImportHistory } from '../import/ImportHistory';
import { ImportWizard } from '../import/ImportWizard';

interface ImportScreenProps {
  chapter: Chapter;
  types: readonly MembershipType[];
  onTypeSaved: (type: MembershipType, change: TypeChange) => void;
  dataVersion: number;
  onChanged: () => void;
  onOpenMembers: () => void;
}

export function ImportScreen({
  chapter,
  types,
  onTypeSaved,
  dataVersion,
  onChanged,
  onOpenMembers,
}: ImportScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow import-page">
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <ImportWizard
        chapter={chapter}
        types={types}
        onTypeSaved={onTypeSaved}
        onChanged={onChanged}
        onOpenMembers={onOpenMembers}
      />
      <ImportHistory dataVersion={dataVersion} onUndone={onChanged} />
    </main>
  );
}
