import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';

const ACCEPT = '.csv,.txt,.tsv,.xlsx,.ods';

interface FilePickerProps {
  onFile: (file: File) => void;
  /** Another picker on the same page (statements) needs its own id and words. */
  id?: string;
  label?: string;
  hint?: string;
  /** The name of the file being read, while it is. */
  reading: string | null;
}

export function FilePicker({ onFile, reading, id, label, hint }: FilePickerProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);

  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

  return (
    <div
      className={over ? 'import-drop import-drop--over' : 'import-drop'}
      onDragOver={(event) => {
        if (!carriesFiles(event) || reading !== null) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        // Moving over the label or the input inside fires a leave on the zone; only leaving it counts.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file && reading === null) onFile(file);
      }}
    >
      <Field
        id={id ?? 'import-file'}
        name="file"
        label={label ?? t('import.file.label')}
        hint={hint ?? t('import.file.hint')}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            className="import-drop__input"
            accept={ACCEPT}
            disabled={reading !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so that choosing the same file again, once fixed, is noticed.
              event.target.value = '';
              if (file) onFile(file);
            }}
          />
        )}
      </Field>
      <p role="status" className="muted">
        {reading !== null && t('import.file.reading', { name: reading })}
      </p>
    </div>
  );
}
