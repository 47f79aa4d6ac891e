import type { ChapterTranslation } from './chapterEn';

export const chapterEs: ChapterTranslation = {
  pickers: {
    country: 'País',
    countryHint:
      'Escriba algunas letras de su nombre. Los números de teléfono se leen como locales de este país.',
    countryProposal: 'Este ordenador está configurado para {{country}}.',
    useCountry: 'Usar {{country}}',
    currency: 'Moneda',
    currencyProposed:
      '{{currency}}, la moneda de {{country}}. Elija otra si la sección cobra las cuotas en otra.',
    chooseCountry: 'Elija un país de la lista',
    chooseCurrency: 'Elija una moneda de la lista',
    none: 'Nada coincide con “{{query}}”.',
    results_one: '{{count}} coincidencia',
    results_other: '{{count}} coincidencias',
  },
  dates: {
    dd: 'DD',
    mm: 'MM',
    yyyy: 'AAAA',
    noSuchDay: 'No existe el {{day}} de {{month}}.',
    noSuchMonth: 'No existe el mes {{month}}.',
    unreadable: 'Escriba la fecha como {{example}}.',
  },
  chapterSettings: {
    title: 'Sección',
    name: 'Nombre de la sección',
    country: 'País',
    currency: 'Moneda',
    timeZone: 'Zona horaria',
    timeZoneHint: 'Su calendario decide cuándo vencen las cuotas.',
    chooseTimeZone: 'Elija una zona horaria de la lista',
    graceDays: 'Periodo de gracia (días)',
    graceDaysHint:
      'Días tras el vencimiento de las cuotas antes de que un miembro quede vencido, salvo que su tipo diga otra cosa.',
    graceDaysInvalid: 'Indique un número entero de días, de 0 a 3650',
    locale: 'Idioma de la sección',
    localeHint: 'El idioma en que arranca un portátil nuevo de la sección, y el de sus documentos.',
    csvDelimiter: 'Separador CSV',
    csvDelimiterHint:
      'Lo que separa las columnas de los archivos CSV exportados. Excel en español espera punto y coma.',
    csvDelimiterProposed: 'Lo que esperan las hojas de cálculo del idioma: {{delimiter}}',
    comma: 'Coma (,)',
    semicolon: 'Punto y coma (;)',
    tab: 'Tabulación',
    officers: 'Responsables',
    officersHint:
      'Un nombre por línea. El responsable que usa un portátil se registra con cada cambio hecho en él.',
    officerName: 'Responsable que usa este portátil',
    officerNameHint: 'Se registra con los cambios que haga este portátil a partir de ahora.',
    retentionYears: 'Conservar a los miembros vencidos (años)',
    none: 'ninguno',
    save: 'Guardar los ajustes de la sección',
    saved: 'Guardado.',
    history: 'Cambios en la sección',
  },
  exportCsv: {
    delimiter: 'Columnas separadas por',
  },
};
