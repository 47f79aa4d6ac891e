import type { DiagnosticsTranslation } from './diagnosticsEn';

export const diagnosticsEs: DiagnosticsTranslation = {
  diagnostics: {
    title: 'Ayuda del soporte',
    intro:
      'Si ChapterDesk no funciona bien, exporte un archivo de diagnóstico y envíelo a quien le ayuda con él. Contiene la versión de ChapterDesk, cuántos registros tiene cada lista, el estado de la sincronización y el registro reciente: ningún nombre, correo electrónico ni teléfono de un miembro, y nada que permita a alguien sincronizar en lugar de este portátil.',
    export: 'Exportar diagnóstico',
    exporting: 'Exportando…',
    saved: 'Diagnóstico guardado como {{name}}. Ábralo para ver lo que contiene antes de enviarlo.',
  },
};
