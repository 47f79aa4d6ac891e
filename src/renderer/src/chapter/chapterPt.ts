import type { ChapterTranslation } from './chapterEn';

export const chapterPt: ChapterTranslation = {
  pickers: {
    country: 'País',
    countryHint: 'Escreva algumas letras do nome. Os números de telefone são lidos como locais deste país.',
    countryProposal: 'Este computador está configurado para {{country}}.',
    useCountry: 'Usar {{country}}',
    currency: 'Moeda',
    currencyProposed:
      '{{currency}}, a moeda de {{country}}. Escolha outra se a seção cobrar as cotas noutra.',
    chooseCountry: 'Escolha um país da lista',
    chooseCurrency: 'Escolha uma moeda da lista',
    none: 'Nada corresponde a “{{query}}”.',
    results_one: '{{count}} correspondência',
    results_other: '{{count}} correspondências',
  },
  dates: {
    dd: 'DD',
    mm: 'MM',
    yyyy: 'AAAA',
    noSuchDay: 'Não existe o dia {{day}} de {{month}}.',
    noSuchMonth: 'Não existe o mês {{month}}.',
    unreadable: 'Escreva a data como {{example}}.',
  },
  chapterSettings: {
    title: 'Seção',
    name: 'Nome da seção',
    country: 'País',
    currency: 'Moeda',
    timeZone: 'Fuso horário',
    timeZoneHint: 'O seu calendário decide quando as cotas vencem.',
    chooseTimeZone: 'Escolha um fuso horário da lista',
    graceDays: 'Período de carência (dias)',
    graceDaysHint:
      'Dias depois do vencimento das cotas antes de um membro ficar vencido, salvo se o seu tipo disser outra coisa.',
    graceDaysInvalid: 'Indique um número inteiro de dias, de 0 a 3650',
    locale: 'Idioma da seção',
    localeHint: 'O idioma em que começa um novo computador da seção, e o dos seus documentos.',
    csvDelimiter: 'Separador CSV',
    csvDelimiterHint:
      'O que separa as colunas dos arquivos CSV exportados. O Excel em português espera ponto e vírgula.',
    csvDelimiterProposed: 'Como esperam as planilhas do idioma: {{delimiter}}',
    comma: 'Vírgula (,)',
    semicolon: 'Ponto e vírgula (;)',
    tab: 'Tabulação',
    officers: 'Responsáveis',
    officersHint:
      'Um nome por linha. O responsável que usa um computador é registrado em cada alteração feita nele.',
    officerName: 'Responsável que usa este computador',
    officerNameHint: 'Registrado com as alterações que este computador fizer a partir de agora.',
    retentionYears: 'Manter os membros vencidos (anos)',
    none: 'nenhum',
    save: 'Salvar as configurações da seção',
    saved: 'Salvo.',
    history: 'Alterações na seção',
  },
  exportCsv: {
    delimiter: 'Colunas separadas por',
  },
};
