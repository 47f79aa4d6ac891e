import type { SyncFilesTranslation } from './syncFilesEn';

export const syncFilesEs: SyncFilesTranslation = {
  syncFiles: {
    title: 'Archivos de sincronización',
    goTo: '¿Ningún servidor al alcance? Archivos de sincronización',
    intro:
      '¿Ningún servidor al alcance? Guarde los cambios de este ordenador en un archivo, envíelo por memoria USB o por una aplicación de mensajería, y cárguelo en otro ordenador de la sección. Cargar dos veces el mismo archivo no cambia nada.',
    all: 'Todos los cambios que tiene este ordenador (para un ordenador que ha estado mucho tiempo ausente)',
    split: 'Dividir en archivos de como máximo (MB)',
    splitHint:
      'Déjelo vacío para un solo archivo. Las aplicaciones de mensajería suelen limitar los archivos a 16 o 100 MB.',
    splitInvalid: 'Indique un tamaño de al menos 0,001 MB, o déjelo vacío.',
    save: 'Guardar los cambios en un archivo',
    saving: 'Guardando…',
    saved: 'Se guardaron {{changes}} cambios ({{size}}) como {{names}}.',
    load: 'Cargar un archivo de sincronización',
    loading: 'Cargando {{name}}…',
    tooLarge: '{{name}} es demasiado grande para ser un archivo de sincronización.',
    unreadable: 'No se puede leer {{name}}.',
    loaded: 'Se cargó {{name}}.',
    applied: 'Cambios aplicados',
    alreadyHad: 'Ya estaban en este ordenador',
    conflicts: 'Conflictos por revisar',
  },
  nearby: {
    title: 'Portátil cercano',
    intro:
      'Dos portátiles de la sección en la misma red (el mismo Wi-Fi, o el punto de acceso de un teléfono) pueden sincronizarse directamente, sin servidor. En uno, permita que se conecte un portátil; en el otro, escriba la dirección que muestra.',
    listen: 'Permitir que se conecte un portátil',
    listening:
      'Esperando a que se conecte un portátil. En el otro portátil, escriba una de estas direcciones:',
    noAddress:
      'Este portátil no está en ninguna red: conéctelo al mismo Wi-Fi que el otro portátil y vuelva a intentarlo.',
    waitHint: 'Deja de esperar tras una sincronización, o a los 10 minutos si no se conecta ningún portátil.',
    cancel: 'Cancelar',
    exchanging: 'Sincronizando con el otro portátil…',
    stoppedWaiting: 'Se dejó de esperar: ningún portátil se conectó en 10 minutos.',
    connectTitle: 'Conectarse a un portátil',
    address: 'Dirección del otro portátil',
    addressHint: 'Tal como la muestra el otro portátil, por ejemplo 192.168.1.20:47170.',
    addressInvalid:
      'Escriba la dirección tal como la muestra el otro portátil, por ejemplo 192.168.1.20:47170.',
    connect: 'Conectar con el otro portátil',
    connecting: 'Conectando con {{address}}…',
    done: 'Sincronizado con el otro portátil.',
    sent: 'Cambios enviados',
    received: 'Cambios recibidos',
    applied: 'Nuevos en este portátil',
    alreadyHad: 'Ya estaban en este portátil',
    conflicts: 'Conflictos por revisar',
    bytes: 'Datos',
    bytesValue: '{{sent}} enviados, {{received}} recibidos',
  },
  network: {
    title: 'Conexión y datos consumidos',
    metered: 'La conexión de este ordenador se cobra por uso (un plan de datos móviles)',
    meteredHint:
      'La sincronización automática se mantiene entonces dentro del presupuesto mensual, y un lote grande de cambios espera otra conexión. «Sincronizar ahora» siempre sincroniza.',
    budget: 'Presupuesto mensual de la sincronización automática (MB)',
    budgetHint: 'Déjelo vacío para no fijar presupuesto.',
    largePush: 'Los cambios más grandes que esto esperan una conexión sin tarifa por uso (MB)',
    invalid: 'Indique un tamaño de al menos 0,1 MB.',
    save: 'Guardar',
    saving: 'Guardando…',
    saved: 'Ajustes de conexión guardados.',
    waitBudget:
      'La sincronización automática está en pausa: el presupuesto del mes se ha agotado. «Sincronizar ahora» sincroniza igualmente.',
    waitLarge:
      'Un lote grande de cambios espera una conexión sin tarifa por uso. «Sincronizar ahora» lo envía.',
    waitBudgetShort: 'En pausa en la conexión por uso: presupuesto del mes agotado',
    waitLargeShort: 'Los cambios grandes esperan una conexión sin tarifa por uso',
    used: 'Datos consumidos',
    sent: 'Enviados',
    received: 'Recibidos',
    sinceStart: 'Desde que se abrió la aplicación',
    thisMonth: 'Este mes',
    lastSync: 'Último intercambio',
    way: {
      server: 'con el servidor',
      file: 'por archivo',
      peer: 'con un ordenador cercano',
      update: 'actualización de la aplicación',
    },
  },
};
