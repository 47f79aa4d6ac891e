/** "Export diagnostics" in Settings: merged into `translation` in the catalogues. */
export const diagnosticsEn = {
  diagnostics: {
    title: 'Help from support',
    intro:
      'If ChapterDesk misbehaves, export a diagnostics file and send it to whoever helps you with it. It holds the version of ChapterDesk, how many records each list has, where sync stands and the recent log: no member’s name, email or phone, and nothing that would let anyone sync as this laptop.',
    export: 'Export diagnostics',
    exporting: 'Exporting…',
    saved: 'Diagnostics saved as {{name}}. Open it to see what it holds before you send it.',
  },
};

export type DiagnosticsTranslation = typeof diagnosticsEn;
