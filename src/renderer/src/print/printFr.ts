import type { PrintTranslation } from './printEn';

export const printFr: PrintTranslation = {
  print: {
    menu: 'Imprimer',
    open: {
      roster: 'Liste des membres…',
      rosterLabel: 'Imprimer la liste de ces membres',
      dues: 'Imprimer la liste des cotisations',
      receipt: 'Imprimer',
      receiptLabel: 'Imprimer le reçu {{receipt}}',
      signIn: 'Imprimer la feuille d’émargement',
      certificates: 'Imprimer les attestations',
      labels: 'Étiquettes d’adresse…',
      labelsLabel: 'Imprimer les étiquettes d’adresse de ces membres',
      cards: 'Cartes de membre…',
      cardsLabel: 'Imprimer les cartes de membre de ces membres',
      form: 'Bulletin d’adhésion vierge…',
      formLabel: 'Imprimer un bulletin d’adhésion vierge',
    },
    title: {
      roster: 'Imprimer la liste des membres',
      dues: 'Imprimer la liste des cotisations',
      receipt: 'Imprimer le reçu {{receipt}}',
      signIn: 'Imprimer une feuille d’émargement',
      certificates: 'Imprimer les attestations',
      labels: 'Imprimer des étiquettes d’adresse',
      cards: 'Imprimer des cartes de membre',
      form: 'Imprimer un bulletin d’adhésion vierge',
      personData: 'Imprimer les données d’une personne',
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
    sheet: {
      testSheet: 'Imprimer plutôt une page d’essai, sur papier ordinaire',
      testSheetHint:
        'Chaque emplacement est encadré, une croix en son centre. Posez la page sur une planche vide, à contre-jour : là où les croix manquent le milieu des étiquettes, saisissez la correction ci-dessus (croix 2 mm trop à droite : −2 dans « Décaler vers la droite ») et enregistrez-la pour cette imprimante.',
      layout: { labels: 'Planche d’étiquettes', cards: 'Planche de cartes' },
      product: {
        labels: '{{product}} ({{paper}}, {{count}} étiquettes)',
        cards: '{{product}} ({{paper}}, {{count}} cartes)',
      },
      start: 'Première position sur la planche',
      position: 'Position {{position}}',
      startHint_zero:
        'L’impression commence en haut à gauche. Sur une planche entamée, choisissez la première position libre.',
      startHint_one: '1 position est laissée vide, pour une planche entamée.',
      startHint_many: '{{count}} positions sont laissées vides, pour une planche entamée.',
      startHint_other: '{{count}} positions sont laissées vides, pour une planche entamée.',
      calibration: 'Décalage de l’imprimante',
      printer: 'Imprimante',
      printerHint:
        'Saisissez le nom de l’imprimante : son décalage est enregistré sur cet ordinateur pour la prochaine fois.',
      printerMissing: 'Nommez l’imprimante pour enregistrer son décalage.',
      offset: { x: 'Décaler vers la droite (mm)', y: 'Décaler vers le bas (mm)' },
      offsetHint: {
        x: 'Si l’impression arrive trop à gauche, décalez-la vers la droite ; un nombre négatif la décale vers la gauche.',
        y: 'Si l’impression arrive trop haut, décalez-la vers le bas ; un nombre négatif la décale vers le haut.',
      },
      offsetInvalid: 'Saisissez un nombre de millimètres de −{{max}} à {{max}}, par exemple 1,5 ou −2.',
      save: 'Enregistrer le décalage de cette imprimante',
      saved: 'Décalage enregistré pour {{printer}}.',
    },
    skipped_one: '1 membre n’a pas d’adresse postale et n’est pas imprimé.',
    skipped_many: '{{count}} membres n’ont pas d’adresse postale et ne sont pas imprimés.',
    skipped_other: '{{count}} membres n’ont pas d’adresse postale et ne sont pas imprimés.',
    none: {
      labels:
        'Aucun de ces membres n’a d’adresse postale : il n’y a aucune étiquette à imprimer. Ajoutez les adresses sur les fiches des membres.',
      cards: 'Aucun membre ne correspond : il n’y a aucune carte à imprimer.',
    },
    marginsSheet:
      'Imprimez en taille réelle (100 %, sans « ajuster à la page ») pour que les étiquettes tombent sur la planche. Si elles tombent un peu à côté, enregistrez un décalage pour l’imprimante.',
    preview: 'Aperçu',
    frameLabel: 'Aperçu du document à imprimer',
    loading: 'Préparation de l’aperçu…',
    margins:
      'Le nom de la section, la date et les numéros de page s’impriment dans les marges ; la ligne d’en-tête d’un tableau est répétée sur chaque page.',
    marginsPlain: 'Le nom de la section et les numéros de page s’impriment dans les marges.',
    missingFonts:
      'Cet ordinateur n’a aucune police pour l’écriture suivante : {{scripts}}. Les noms écrits ainsi s’imprimeraient en carrés vides. Installez une police pour cette écriture (les polices Noto de Google, gratuites, les couvrent toutes), puis rouvrez cette fenêtre.',
    unknownScript: 'certaines lettres des noms',
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
