/** Deleted and erased, a person's data on request, retention: merged into `translation` in setup.ts. */
export const privacyEn = {
  privacy: {
    deleted: 'Deleted',
    showDeleted: 'Show deleted members',
    deletedHelp:
      'Deleted members are hidden from lists, counts and printing, but everything about them is still stored (details, payments, history) and they can be restored. Erasing removes a person’s data for good, on every laptop, and cannot be undone.',
    deletedMember:
      'This member is deleted: hidden everywhere and restorable. Their data is still stored; erasing removes it for good.',
    noDeleted: 'No deleted members.',
    restore: 'Restore',
    restoring: 'Restoring…',
    exportData: 'Export their data',
    exportDataLabel: 'Save everything stored about {{name}} as a JSON file',
    exporting: 'Exporting…',
    printData: 'Print their data',
    printDataLabel: 'Print everything stored about {{name}}',
    retention: {
      title: 'Keeping data of lapsed members',
      intro:
        'Erase members automatically once their membership has lapsed for more than a number of years. You confirm the list before anything is erased.',
      years: 'Erase members lapsed for more than (years)',
      off: 'Never (keep them)',
      save: 'Save',
      saving: 'Saving…',
      saved: 'Saved',
      review: 'Members to erase',
      none: 'No member has lapsed for that long.',
      lapsedSince: 'lapsed since {{date}}',
      erase_one: 'Erase {{count}} member',
      erase_many: 'Erase {{count}} members',
      erase_other: 'Erase {{count}} members',
      erasing: 'Erasing…',
      confirm: 'Erase these members for good? This cannot be undone.',
      erased_one: '{{count}} member erased',
      erased_many: '{{count}} members erased',
      erased_other: '{{count}} members erased',
      more_one: 'and {{count}} more',
      more_many: 'and {{count}} more',
      more_other: 'and {{count}} more',
    },
  },
};

export type PrivacyTranslation = typeof privacyEn;
