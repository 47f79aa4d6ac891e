import type { BackupTranslation } from './backupEn';

export const backupPt: BackupTranslation = {
  backup: {
    title: 'Cópias de segurança',
    intro:
      'O ChapterDesk copia a seção para a sua pasta de cópias uma vez por dia, antes de cada importação e antes de uma atualização alterar o arquivo. As últimas {{count}} são mantidas, só neste computador.',
    folder: 'Pasta: {{folder}}',
    saveAs: 'Salvar uma cópia como…',
    saving: 'Salvando…',
    saved: 'Cópia salva como {{name}}. Guarde-a noutro lugar que não este computador.',
    restoreFrom: 'Restaurar a partir de uma cópia…',
    closeRestore: 'Fechar',
    automatic: 'Cópias automáticas',
    none: 'Ainda não há nenhuma cópia automática.',
    kind: {
      daily: 'diária',
      migration: 'antes de uma atualização',
      import: 'antes de uma importação',
      restore: 'antes de uma restauração',
    },
    restoreThis: 'Restaurar',
    restoreThisLabel: 'Restaurar a cópia de {{when}}',
    pickFile: 'Ou restaurar um arquivo salvo noutro lugar',
    tooLarge: '{{name}} é grande demais para ser uma cópia de uma seção.',
    unreadable: 'Não é possível ler {{name}}.',
    confirmTitle: 'Restaurar a cópia de {{when}}?',
    confirmFileTitle: 'Restaurar {{name}}?',
    confirmText:
      'A seção deste computador passa a ser o que a cópia contém. O que foi enviado ao servidor de sincronização desde então volta na próxima sincronização; a seção tal como está agora é mantida como cópia.',
    restore: 'Restaurar',
    restoring: 'Restaurando…',
    unsyncedTitle: 'Alterações seriam perdidas',
    restoreAnyway: 'Restaurar mesmo assim',
    cancel: 'Cancelar',
    restored: 'A cópia de {{when}} foi restaurada.',
    restoredFile: '{{name}} foi restaurado.',
    recovery: {
      title: 'O arquivo da seção está danificado',
      text: 'O ChapterDesk já não consegue ler o arquivo da seção com segurança, por isso não o abriu nem o alterou. Restaure uma cópia para continuar: o arquivo danificado é mantido junto à seção, nunca é sobrescrito.',
      newest: 'A cópia sã mais recente foi feita {{when}} ({{kind}}).',
      noBackup:
        'Nenhuma cópia automática neste computador está sã. Se salvou uma noutro lugar, ou tem uma cópia do arquivo da seção, restaure-a aqui.',
      restoreNewest: 'Restaurar esta cópia',
      afterwards:
        'As alterações feitas desde a cópia que chegaram ao servidor de sincronização voltam na próxima sincronização.',
    },
  },
};
