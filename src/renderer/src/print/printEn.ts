/** The print dialog's strings, merged into the `translation` namespace in setup.ts. */
export const printEn = {
  print: {
    open: {
      roster: 'Print…',
      rosterLabel: 'Print the list of these members',
      dues: 'Print dues list',
      receipt: 'Print',
      receiptLabel: 'Print receipt {{receipt}}',
      signIn: 'Print sign-in sheet',
      certificates: 'Print certificates',
    },
    title: {
      roster: 'Print the member list',
      dues: 'Print the dues list',
      receipt: 'Print receipt {{receipt}}',
      signIn: 'Print a sign-in sheet',
      certificates: 'Print certificates',
    },
    options: 'Print options',
    language: 'Language of the document',
    paper: 'Paper size',
    papers: {
      a4: 'A4',
      a5: 'A5 (half of A4)',
      letter: 'Letter',
    },
    orientation: 'Orientation',
    portrait: 'Portrait',
    landscape: 'Landscape',
    columns: 'Columns',
    columnsHint: 'At least one column is printed.',
    columnNames: {
      memberNumber: 'Member number',
      name: 'Name',
      email: 'Email',
      phone: 'Phone',
      city: 'City',
      type: 'Membership type',
      status: 'Status',
      paidThrough: 'Paid through',
    },
    blankRows: 'Blank rows for walk-ins',
    blankRowsHint: 'A whole number from 0 to {{max}}.',
    blankRowsInvalid: 'Type a whole number from 0 to {{max}}.',
    preview: 'Preview',
    frameLabel: 'Preview of the document to print',
    loading: 'Preparing the preview…',
    margins:
      'The chapter’s name, the date and the page numbers are printed in the page margins; a table’s header row is repeated on every page.',
    marginsPlain: 'The chapter’s name and the page numbers are printed in the page margins.',
    noCertificates:
      'Nobody has completed this training yet, so there is no certificate to print. Tick “Completed” for each person in the list of attendees.',
    systemDialog: 'Your computer’s print window opens next: choose a printer, or save as PDF.',
    systemDialogDesktop:
      'Print opens your computer’s print window to choose a printer; Save as PDF asks where to save the file.',
    print: 'Print',
    savePdf: 'Save as PDF',
    savedPdf: 'The PDF is saved.',
    close: 'Close',
  },
};

export type PrintTranslation = typeof printEn;
