import type { DiagnosticsTranslation } from './diagnosticsEn';

export const diagnosticsPt: DiagnosticsTranslation = {
  diagnostics: {
    title: 'Ajuda do suporte',
    intro:
      'Se o ChapterDesk não funcionar bem, exporte um arquivo de diagnóstico e envie-o a quem ajuda você com ele. Ele contém a versão do ChapterDesk, quantos registros tem cada lista, o estado da sincronização e o registro recente: nenhum nome, e-mail ou telefone de membro, e nada que permita a alguém sincronizar no lugar deste computador.',
    export: 'Exportar diagnóstico',
    exporting: 'Exportando…',
    saved: 'Diagnóstico salvo como {{name}}. Abra-o para ver o que contém antes de enviá-lo.',
  },
};
