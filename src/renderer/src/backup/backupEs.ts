import type { BackupTranslation } from './backupEn';

export const backupEs: BackupTranslation = {
  backup: {
    title: 'Copias de seguridad',
    intro:
      'ChapterDesk copia la sección en su carpeta de copias una vez al día, antes de cada importación y antes de que una actualización cambie el archivo. Se conservan las últimas {{count}}, solo en este ordenador.',
    folder: 'Carpeta: {{folder}}',
    saveAs: 'Guardar una copia como…',
    saving: 'Guardando…',
    saved: 'Copia guardada como {{name}}. Guárdela en otro lugar que no sea este portátil.',
    restoreFrom: 'Restaurar desde una copia…',
    closeRestore: 'Cerrar',
    automatic: 'Copias automáticas',
    none: 'Todavía no hay ninguna copia automática.',
    kind: {
      daily: 'diaria',
      migration: 'antes de una actualización',
      import: 'antes de una importación',
      restore: 'antes de una restauración',
    },
    restoreThis: 'Restaurar',
    restoreThisLabel: 'Restaurar la copia del {{when}}',
    pickFile: 'O restaurar un archivo guardado en otro lugar',
    tooLarge: '{{name}} es demasiado grande para ser una copia de una sección.',
    unreadable: 'No se puede leer {{name}}.',
    confirmTitle: '¿Restaurar la copia del {{when}}?',
    confirmFileTitle: '¿Restaurar {{name}}?',
    confirmText:
      'La sección de este portátil pasa a ser lo que contiene la copia. Lo enviado al servidor de sincronización desde entonces vuelve en la próxima sincronización; la sección tal como está ahora se conserva como copia.',
    restore: 'Restaurar',
    restoring: 'Restaurando…',
    unsyncedTitle: 'Se perderían cambios',
    restoreAnyway: 'Restaurar de todos modos',
    cancel: 'Cancelar',
    restored: 'Se restauró la copia del {{when}}.',
    restoredFile: 'Se restauró {{name}}.',
    recovery: {
      title: 'El archivo de la sección está dañado',
      text: 'ChapterDesk ya no puede leer el archivo de la sección con seguridad, así que no lo ha abierto ni lo ha cambiado. Restaure una copia para continuar: el archivo dañado se conserva junto a la sección, nunca se sobrescribe.',
      newest: 'La copia sana más reciente se hizo {{when}} ({{kind}}).',
      noBackup:
        'Ninguna copia automática de este ordenador está sana. Si guardó una en otro lugar, o tiene una copia del archivo de la sección, restáurela aquí.',
      restoreNewest: 'Restaurar esta copia',
      afterwards:
        'Los cambios hechos desde la copia que llegaron al servidor de sincronización vuelven en la próxima sincronización.',
    },
  },
};
