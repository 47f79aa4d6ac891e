import type { ChapterTranslation } from './chapterEn';

export const chapterFr: ChapterTranslation = {
  pickers: {
    country: 'Pays',
    countryHint:
      'Tapez quelques lettres de son nom. Les numéros de téléphone sont lus comme ceux de ce pays.',
    countryProposal: 'Cet ordinateur est réglé pour : {{country}}.',
    useCountry: 'Choisir {{country}}',
    currency: 'Monnaie',
    currencyProposed:
      '{{currency}}, la monnaie de ce pays ({{country}}). Choisissez-en une autre si la section perçoit ses cotisations dans une autre monnaie.',
    chooseCountry: 'Choisissez un pays dans la liste',
    chooseCurrency: 'Choisissez une monnaie dans la liste',
    none: 'Rien ne correspond à « {{query}} ».',
    results_one: '{{count}} résultat',
    results_other: '{{count}} résultats',
  },
  dates: {
    dd: 'JJ',
    mm: 'MM',
    yyyy: 'AAAA',
    noSuchDay: 'Il n’y a pas de {{day}} {{month}}.',
    noSuchMonth: 'Il n’y a pas de mois {{month}}.',
    unreadable: 'Écrivez la date sous la forme {{example}}.',
  },
  chapterSettings: {
    title: 'Section',
    name: 'Nom de la section',
    country: 'Pays',
    currency: 'Monnaie',
    timeZone: 'Fuseau horaire',
    timeZoneHint: 'Son calendrier décide de la fin des cotisations.',
    chooseTimeZone: 'Choisissez un fuseau horaire dans la liste',
    graceDays: 'Délai de grâce (jours)',
    graceDaysHint:
      'Jours après la fin de la cotisation avant qu’un membre ne soit échu, sauf si son type en dit autrement.',
    graceDaysInvalid: 'Donnez un nombre entier de jours, de 0 à 3650',
    locale: 'Langue de la section',
    localeHint:
      'La langue dans laquelle démarre un nouvel ordinateur de la section, et celle de ses documents.',
    csvDelimiter: 'Séparateur CSV',
    csvDelimiterHint:
      'Ce qui sépare les colonnes des fichiers CSV exportés. Excel en français attend des points-virgules.',
    csvDelimiterProposed: 'Celui qu’attendent les tableurs de la langue : {{delimiter}}',
    comma: 'Virgule (,)',
    semicolon: 'Point-virgule (;)',
    tab: 'Tabulation',
    officers: 'Responsables',
    officersHint:
      'Un nom par ligne. Le responsable qui utilise un ordinateur est enregistré avec chaque modification qui y est faite.',
    officerName: 'Responsable qui utilise cet ordinateur',
    officerNameHint: 'Enregistré avec les modifications faites sur cet ordinateur à partir de maintenant.',
    retentionYears: 'Conserver les membres échus (années)',
    none: 'aucun',
    save: 'Enregistrer les réglages de la section',
    saved: 'Enregistré.',
    history: 'Modifications de la section',
  },
  exportCsv: {
    delimiter: 'Colonnes séparées par',
  },
};
