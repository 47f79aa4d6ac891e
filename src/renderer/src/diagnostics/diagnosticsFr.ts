import type { DiagnosticsTranslation } from './diagnosticsEn';

export const diagnosticsFr: DiagnosticsTranslation = {
  diagnostics: {
    title: 'Aide du support',
    intro:
      'Si ChapterDesk se comporte mal, exportez un fichier de diagnostic et envoyez-le à la personne qui vous aide. Il contient la version de ChapterDesk, le nombre d’enregistrements de chaque liste, l’état de la synchronisation et le journal récent : aucun nom, e-mail ni téléphone de membre, et rien qui permette à quiconque de synchroniser à la place de cet ordinateur.',
    export: 'Exporter le diagnostic',
    exporting: 'Export en cours…',
    saved: 'Diagnostic enregistré sous {{name}}. Ouvrez-le pour voir ce qu’il contient avant de l’envoyer.',
  },
};
