import type { UpdatesTranslation } from './updatesEn';

export const updatesEs: UpdatesTranslation = {
  updates: {
    title: 'Actualizaciones de la aplicación',
    intro:
      'ChapterDesk busca una nueva versión en el servidor de sincronización de la sección al iniciarse y una vez al día, la descarga en segundo plano (nunca durante una sincronización) y pregunta antes de reiniciarse.',
    current: 'Esta versión: {{version}}',
    unavailable:
      'Las actualizaciones llegan del servidor de sincronización de la sección: conecte primero este portátil a uno.',
    idle: 'Aún no se ha comprobado.',
    checking: 'Buscando una nueva versión…',
    upToDate: 'Esta es la versión más reciente.',
    available: 'La versión {{version}} está disponible ({{size}}).',
    deferredSyncing: 'La versión {{version}} se descargará cuando termine la sincronización en curso.',
    deferredMetered:
      'La versión {{version}} está disponible ({{size}}). Esta conexión se paga por consumo, así que solo se descarga cuando usted lo pida.',
    downloading: 'Descargando la versión {{version}}: {{done}} de {{total}}.',
    ready: 'La versión {{version}} está lista. Reinicie ChapterDesk para usarla.',
    restarting: 'Reiniciando para actualizar…',
    offline: 'No se pudo contactar con el servidor: este portátil parece estar sin conexión.',
    interrupted: 'La descarga se cortó en {{done}} de {{total}}. Continuará desde ahí.',
    corrupt:
      'El archivo descargado estaba dañado y se ha descartado. Vuelva a comprobar para empezar de nuevo.',
    feed: 'El servidor no ofrece ninguna actualización que esta versión pueda usar.',
    lastChecked: 'Última comprobación: {{when}}.',
    checkNow: 'Comprobar ahora',
    download: 'Descargar',
    resume: 'Reanudar la descarga',
    restart: 'Reiniciar para actualizar',
    progress: 'Descarga de la actualización',
    metered:
      'Esta conexión se paga por consumo: descargar actualizaciones solo cuando yo lo pida (las sincronizaciones grandes también esperan)',
    notice: 'La versión {{version}} de ChapterDesk está lista.',
    later: 'Más tarde',
  },
};
