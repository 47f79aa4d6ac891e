import type { BackupTranslation } from './backupEn';

export const backupFr: BackupTranslation = {
  backup: {
    title: 'Sauvegardes',
    intro:
      'ChapterDesk copie la section dans son dossier de sauvegardes une fois par jour, avant chaque import et avant qu’une mise à jour ne modifie le fichier. Les {{count}} dernières sont gardées, sur cet ordinateur seulement.',
    folder: 'Dossier : {{folder}}',
    saveAs: 'Enregistrer une sauvegarde sous…',
    saving: 'Enregistrement…',
    saved: 'Sauvegarde enregistrée sous {{name}}. Gardez-la ailleurs que sur cet ordinateur.',
    restoreFrom: 'Restaurer une sauvegarde…',
    closeRestore: 'Fermer',
    automatic: 'Sauvegardes automatiques',
    none: 'Pas encore de sauvegarde automatique.',
    kind: {
      daily: 'quotidienne',
      migration: 'avant une mise à jour',
      import: 'avant un import',
      restore: 'avant une restauration',
    },
    restoreThis: 'Restaurer',
    restoreThisLabel: 'Restaurer la sauvegarde du {{when}}',
    pickFile: 'Ou restaurer un fichier enregistré ailleurs',
    tooLarge: '{{name}} est trop volumineux pour être une sauvegarde de section.',
    unreadable: 'Impossible de lire {{name}}.',
    confirmTitle: 'Restaurer la sauvegarde du {{when}} ?',
    confirmFileTitle: 'Restaurer {{name}} ?',
    confirmText:
      'La section de cet ordinateur devient ce que contient la sauvegarde. Ce qui a été envoyé au serveur de synchronisation depuis revient à la prochaine synchronisation ; la section telle qu’elle est maintenant est gardée en sauvegarde.',
    restore: 'Restaurer',
    restoring: 'Restauration…',
    unsyncedTitle: 'Des modifications seraient perdues',
    restoreAnyway: 'Restaurer quand même',
    cancel: 'Annuler',
    restored: 'Sauvegarde du {{when}} restaurée.',
    restoredFile: '{{name}} restauré.',
    recovery: {
      title: 'Le fichier de la section est endommagé',
      text: 'ChapterDesk ne peut plus lire le fichier de la section sans risque : il ne l’a pas ouvert et ne l’a pas modifié. Restaurez une sauvegarde pour continuer : le fichier endommagé est gardé à côté de la section, jamais écrasé.',
      newest: 'La sauvegarde intacte la plus récente date du {{when}} ({{kind}}).',
      noBackup:
        'Aucune sauvegarde automatique de cet ordinateur n’est intacte. Si vous en avez enregistré une ailleurs, ou avez une copie du fichier de la section, restaurez-la ici.',
      restoreNewest: 'Restaurer cette sauvegarde',
      afterwards:
        'Les modifications faites depuis la sauvegarde et parvenues au serveur de synchronisation reviennent à la prochaine synchronisation.',
    },
  },
};
