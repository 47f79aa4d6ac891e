import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain';
import { api } from '../api/client';
import { saveBase64File } from '../import/download';
import { PrintButton } from '../print/PrintButton';

interface PersonDataActionsProps {
  member: Member;
  name: string;
  onError: (error: unknown) => void;
}

/** A person's data on request: everything stored about them, as a JSON file and on paper. */
export function PersonDataActions({ member, name, onError }: PersonDataActionsProps) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);

  const exportData = async () => {
    setExporting(true);
    try {
      const file = await api.call('members.exportPerson', { id: member.id });
      saveBase64File(file.fileName, file.mimeType, file.data);
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={t('privacy.exportDataLabel', { name })}
        disabled={exporting}
        onClick={() => void exportData()}
      >
        {exporting ? t('privacy.exporting') : t('privacy.exportData')}
      </button>
      <PrintButton
        label={t('privacy.printData')}
        accessibleLabel={t('privacy.printDataLabel', { name })}
        request={() => ({ kind: 'personData', memberId: member.id })}
      />
    </>
  );
}
