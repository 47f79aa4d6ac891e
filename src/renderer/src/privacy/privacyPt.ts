import type { PrivacyTranslation } from './privacyEn';

export const privacyPt: PrivacyTranslation = {
  privacy: {
    deleted: 'Excluído',
    showDeleted: 'Mostrar os membros excluídos',
    deletedHelp:
      'Os membros excluídos ficam ocultos das listas, contagens e impressões, mas tudo sobre eles continua guardado (dados, pagamentos, histórico) e podem ser restaurados. Apagar remove os dados de uma pessoa definitivamente, em todos os computadores, e não pode ser desfeito.',
    deletedMember:
      'Este membro está excluído: oculto em todo lado e restaurável. Os seus dados continuam guardados; apagá-lo remove-os definitivamente.',
    noDeleted: 'Nenhum membro excluído.',
    restore: 'Restaurar',
    restoring: 'Restaurando…',
    exportData: 'Exportar os seus dados',
    exportDataLabel: 'Salvar tudo o que está guardado sobre {{name}} como arquivo JSON',
    exporting: 'Exportando…',
    printData: 'Imprimir os seus dados',
    printDataLabel: 'Imprimir tudo o que está guardado sobre {{name}}',
    retention: {
      title: 'Conservação dos dados de membros vencidos',
      intro:
        'Apagar automaticamente os membros cuja associação está vencida há mais de um número de anos. Você confirma a lista antes de qualquer coisa ser apagada.',
      years: 'Apagar os membros vencidos há mais de (anos)',
      off: 'Nunca (mantê-los)',
      save: 'Salvar',
      saving: 'Salvando…',
      saved: 'Salvo',
      review: 'Membros a apagar',
      none: 'Nenhum membro está vencido há tanto tempo.',
      lapsedSince: 'vencido desde {{date}}',
      erase_one: 'Apagar {{count}} membro',
      erase_many: 'Apagar {{count}} membros',
      erase_other: 'Apagar {{count}} membros',
      erasing: 'Apagando…',
      confirm: 'Apagar estes membros definitivamente? Isto não pode ser desfeito.',
      erased_one: '{{count}} membro apagado',
      erased_many: '{{count}} membros apagados',
      erased_other: '{{count}} membros apagados',
      more_one: 'e mais {{count}}',
      more_many: 'e mais {{count}}',
      more_other: 'e mais {{count}}',
    },
  },
};
