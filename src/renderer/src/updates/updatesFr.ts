import type { UpdatesTranslation } from './updatesEn';

export const updatesFr: UpdatesTranslation = {
  updates: {
    title: "Mises à jour de l'application",
    intro:
      'ChapterDesk cherche une nouvelle version sur le serveur de synchronisation de la section au démarrage puis une fois par jour, la télécharge en arrière-plan (jamais pendant une synchronisation) et demande avant de redémarrer.',
    current: 'Cette version : {{version}}',
    unavailable:
      'Les mises à jour viennent du serveur de synchronisation de la section : connectez d’abord cet ordinateur à un serveur.',
    idle: 'Pas encore vérifié.',
    checking: 'Recherche d’une nouvelle version…',
    upToDate: 'C’est la version la plus récente.',
    available: 'La version {{version}} est disponible ({{size}}).',
    deferredSyncing: 'La version {{version}} sera téléchargée à la fin de la synchronisation en cours.',
    deferredMetered:
      'La version {{version}} est disponible ({{size}}). Cette connexion est facturée au volume : elle ne sera téléchargée que sur votre demande.',
    downloading: 'Téléchargement de la version {{version}} : {{done}} sur {{total}}.',
    ready: 'La version {{version}} est prête. Redémarrez ChapterDesk pour l’utiliser.',
    restarting: 'Redémarrage pour la mise à jour…',
    offline: 'Impossible de joindre le serveur : cet ordinateur semble hors ligne.',
    interrupted: 'Le téléchargement a été coupé à {{done}} sur {{total}}. Il reprendra à partir de là.',
    corrupt: 'Le fichier téléchargé était endommagé et a été supprimé. Vérifiez à nouveau pour recommencer.',
    feed: 'Le serveur ne propose aucune mise à jour utilisable par cette version.',
    lastChecked: 'Dernière vérification : {{when}}.',
    checkNow: 'Vérifier maintenant',
    download: 'Télécharger',
    resume: 'Reprendre le téléchargement',
    restart: 'Redémarrer pour mettre à jour',
    progress: 'Téléchargement de la mise à jour',
    metered:
      'Cette connexion est facturée au volume : ne télécharger les mises à jour que sur ma demande (les grosses synchronisations attendent aussi)',
    notice: 'La version {{version}} de ChapterDesk est prête.',
    later: 'Plus tard',
  },
};
