import type { PrintTranslation } from './printEn';

export const printFr: PrintTranslation = {
  print: {
    open: {
      roster: 'Imprimer…',
      rosterLabel: 'Imprimer la liste de ces membres',
      dues: 'Imprimer la liste des cotisations',
      receipt: 'Imprimer',
      receiptLabel: 'Imprimer le reçu {{receipt}}',
      signIn: 'Imprimer la feuille d’émargement',
      certificates: 'Imprimer les attestations',
    },
    title: {
      roster: 'Imprimer la liste des membres',
      dues: 'Imprimer la liste des cotisations',
      receipt: 'Imprimer le reçu {{receipt}}',
      signIn: 'Imprimer une feuille d’émargement',
      certificates: 'Imprimer les attestations',
    },
    options: 'Options d’impression',
    language: 'Langue du document',
    paper: 'Format du papier',
    papers: {
      a4: 'A4',
      a5: 'A5 (demi-A4)',
      letter: 'Lettre US',
    },
    orientation: 'Orientation',
    portrait: 'Portrait',
    landscape: 'Paysage',
    columns: 'Colonnes',
    columnsHint: 'Au moins une colonne est imprimée.',
    columnNames: {
      memberNumber: 'Numéro de membre',
      name: 'Nom',
      email: 'E-mail',
      phone: 'Téléphone',
      city: 'Ville',
      type: 'Type d’adhésion',
      status: 'Statut',
      paidThrough: 'Cotisation payée jusqu’au',
    },
    blankRows: 'Lignes vides pour les personnes non inscrites',
    blankRowsHint: 'Un nombre entier de 0 à {{max}}.',
    blankRowsInvalid: 'Saisissez un nombre entier de 0 à {{max}}.',
    preview: 'Aperçu',
    frameLabel: 'Aperçu du document à imprimer',
    loading: 'Préparation de l’aperçu…',
    margins:
      'Le nom de la section, la date et les numéros de page s’impriment dans les marges ; la ligne d’en-tête d’un tableau est répétée sur chaque page.',
    marginsPlain: 'Le nom de la section et les numéros de page s’impriment dans les marges.',
    noCertificates:
      'Personne n’a encore terminé cette formation : il n’y a aucune attestation à imprimer. Cochez « Terminée » pour chaque personne dans la liste des participants.',
    systemDialog:
      'La fenêtre d’impression de votre ordinateur s’ouvre ensuite : choisissez une imprimante, ou enregistrez en PDF.',
    systemDialogDesktop:
      'Imprimer ouvre la fenêtre d’impression de votre ordinateur pour choisir une imprimante ; Enregistrer en PDF demande où enregistrer le fichier.',
    print: 'Imprimer',
    savePdf: 'Enregistrer en PDF',
    savedPdf: 'Le PDF est enregistré.',
    close: 'Fermer',
  },
};
