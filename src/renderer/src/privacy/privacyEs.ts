import type { PrivacyTranslation } from './privacyEn';

export const privacyEs: PrivacyTranslation = {
  privacy: {
    deleted: 'Eliminado',
    showDeleted: 'Mostrar los miembros eliminados',
    deletedHelp:
      'Los miembros eliminados se ocultan de las listas, los recuentos y la impresión, pero todo lo suyo sigue guardado (datos, pagos, historial) y se pueden restaurar. Borrar quita los datos de una persona definitivamente, en todos los portátiles, y no se puede deshacer.',
    deletedMember:
      'Este miembro está eliminado: oculto en todas partes y restaurable. Sus datos siguen guardados; borrarlo los quita definitivamente.',
    noDeleted: 'No hay miembros eliminados.',
    restore: 'Restaurar',
    restoring: 'Restaurando…',
    exportData: 'Exportar sus datos',
    exportDataLabel: 'Guardar todo lo que se guarda sobre {{name}} como archivo JSON',
    exporting: 'Exportando…',
    printData: 'Imprimir sus datos',
    printDataLabel: 'Imprimir todo lo que se guarda sobre {{name}}',
    retention: {
      title: 'Conservación de los datos de miembros vencidos',
      intro:
        'Borrar automáticamente a los miembros cuya membresía lleva vencida más de un número de años. Usted confirma la lista antes de que se borre nada.',
      years: 'Borrar a los miembros vencidos hace más de (años)',
      off: 'Nunca (conservarlos)',
      save: 'Guardar',
      saving: 'Guardando…',
      saved: 'Guardado',
      review: 'Miembros que borrar',
      none: 'Ningún miembro lleva vencido tanto tiempo.',
      lapsedSince: 'vencido desde el {{date}}',
      erase_one: 'Borrar {{count}} miembro',
      erase_many: 'Borrar {{count}} miembros',
      erase_other: 'Borrar {{count}} miembros',
      erasing: 'Borrando…',
      confirm: '¿Borrar a estos miembros definitivamente? Esto no se puede deshacer.',
      erased_one: '{{count}} miembro borrado',
      erased_many: '{{count}} miembros borrados',
      erased_other: '{{count}} miembros borrados',
      more_one: 'y {{count}} más',
      more_many: 'y {{count}} más',
      more_other: 'y {{count}} más',
    },
  },
};
