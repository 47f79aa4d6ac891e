import type { PrivacyTranslation } from './privacyEn';

export const privacyFr: PrivacyTranslation = {
  privacy: {
    deleted: 'Supprimé',
    showDeleted: 'Afficher les membres supprimés',
    deletedHelp:
      'Les membres supprimés sont masqués des listes, des comptes et des impressions, mais tout ce qui les concerne reste enregistré (coordonnées, paiements, historique) et ils peuvent être restaurés. Effacer retire définitivement les données d’une personne, sur tous les ordinateurs, sans retour possible.',
    deletedMember:
      'Ce membre est supprimé : masqué partout et restaurable. Ses données restent enregistrées ; l’effacement les retire définitivement.',
    noDeleted: 'Aucun membre supprimé.',
    restore: 'Restaurer',
    restoring: 'Restauration…',
    exportData: 'Exporter ses données',
    exportDataLabel: 'Enregistrer tout ce qui est conservé sur {{name}} dans un fichier JSON',
    exporting: 'Export…',
    printData: 'Imprimer ses données',
    printDataLabel: 'Imprimer tout ce qui est conservé sur {{name}}',
    retention: {
      title: 'Conservation des données des membres expirés',
      intro:
        'Effacer automatiquement les membres dont l’adhésion a expiré depuis plus d’un certain nombre d’années. Vous confirmez la liste avant tout effacement.',
      years: 'Effacer les membres expirés depuis plus de (années)',
      off: 'Jamais (les conserver)',
      save: 'Enregistrer',
      saving: 'Enregistrement…',
      saved: 'Enregistré',
      review: 'Membres à effacer',
      none: 'Aucun membre n’a expiré depuis si longtemps.',
      lapsedSince: 'expiré depuis le {{date}}',
      erase_one: 'Effacer {{count}} membre',
      erase_many: 'Effacer {{count}} membres',
      erase_other: 'Effacer {{count}} membres',
      erasing: 'Effacement…',
      confirm: 'Effacer définitivement ces membres ? C’est irréversible.',
      erased_one: '{{count}} membre effacé',
      erased_many: '{{count}} membres effacés',
      erased_other: '{{count}} membres effacés',
      more_one: 'et {{count}} autre',
      more_many: 'et {{count}} autres',
      more_other: 'et {{count}} autres',
    },
  },
};
