/** Backups in Settings and the recovery screen: merged into `translation` in setup.ts. */
export const backupEn = {
  backup: {
    title: 'Backups',
    intro:
      'ChapterDesk copies the chapter to its backups folder once a day, before every import and before an update changes the file. The last {{count}} are kept, on this computer only.',
    folder: 'Folder: {{folder}}',
    saveAs: 'Save a backup as…',
    saving: 'Saving…',
    saved: 'Backup saved as {{name}}. Keep it somewhere other than this laptop.',
    restoreFrom: 'Restore from backup…',
    closeRestore: 'Close',
    automatic: 'Automatic backups',
    none: 'No automatic backup yet.',
    kind: {
      daily: 'daily',
      migration: 'before an update',
      import: 'before an import',
      restore: 'before a restore',
    },
    restoreThis: 'Restore',
    restoreThisLabel: 'Restore the backup of {{when}}',
    pickFile: 'Or restore a file saved elsewhere',
    tooLarge: '{{name}} is too large to be a chapter backup.',
    unreadable: 'Cannot read {{name}}.',
    confirmTitle: 'Restore the backup of {{when}}?',
    confirmFileTitle: 'Restore {{name}}?',
    confirmText:
      'The chapter on this laptop becomes what the backup holds. What was sent to the sync server since then comes back at the next sync; the chapter as it is now is kept as a backup.',
    restore: 'Restore',
    restoring: 'Restoring…',
    unsyncedTitle: 'Changes would be lost',
    restoreAnyway: 'Restore anyway',
    cancel: 'Cancel',
    restored: 'Restored the backup of {{when}}.',
    restoredFile: 'Restored {{name}}.',
    recovery: {
      title: 'The chapter file is damaged',
      text: 'ChapterDesk cannot read the chapter file safely any more, so it has not opened it and has not changed it. Restore a backup to carry on: the damaged file is kept beside the chapter, never overwritten.',
      newest: 'The newest backup that is sound was made {{when}} ({{kind}}).',
      noBackup:
        'No automatic backup on this computer is sound. If you saved one elsewhere, or have a copy of the chapter file, restore it here.',
      restoreNewest: 'Restore this backup',
      afterwards: 'Changes made since the backup that reached the sync server come back at the next sync.',
    },
  },
};

export type BackupTranslation = typeof backupEn;
