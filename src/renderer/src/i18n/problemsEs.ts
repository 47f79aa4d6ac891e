import type { ProblemsTranslation } from './problemsEn';

export const problemsEs: ProblemsTranslation = {
  problems: {
    too_big: 'Demasiado grande',
    too_big_string: 'Como máximo {{maximum, number}} caracteres',
    too_big_number: 'Como máximo {{maximum, number}}',
    too_big_array: 'Como máximo {{maximum, number}} elementos',
    too_small: 'Demasiado pequeño',
    too_small_empty: 'Rellene este campo',
    too_small_string: 'Al menos {{minimum, number}} caracteres',
    too_small_number: 'Al menos {{minimum, number}}',
    too_small_array: 'Al menos {{minimum, number}} elementos',
    invalid_format: 'No está escrito como espera este campo',
    invalid_format_email: 'No es una dirección de correo válida',
    invalid_format_date: 'Use una fecha como 2024-03-31',
    invalid_format_url: 'No es una dirección web',
    invalid_type: 'Falta, o no es el tipo de valor que admite este campo',
    invalid_value: 'No es una de las opciones',
    not_multiple_of: 'Debe ser múltiplo de {{divisor, number}}',
    unrecognized_keys: 'ChapterDesk envió algo que esta versión no conoce. Recargue la página.',
    invalid_union: 'No es un valor que admita este campo',
    invalid_key: 'No es un valor que admita este campo',
    invalid_element: 'No es un valor que admita este campo',
    custom: 'No es un valor que admita este campo',

    MEMBER_NOT_FOUND: 'Este miembro ya no está aquí: puede que se haya borrado en otro portátil.',
    MEMBER_DELETED: 'Este miembro se ha eliminado. Restáurelo primero.',
    MEMBER_ERASED: 'Este miembro ya se ha borrado.',
    MEMBER_NUMBER_TAKEN: 'El número {{number}} ya pertenece a {{name}}',
    EMAIL_TAKEN: 'Otro miembro ({{name}}) ya usa este correo',
    NAME_OR_EMAIL_REQUIRED: 'Indique al menos un nombre o un correo',
    MERGE_SAME_MEMBER: 'Un miembro no se puede fusionar consigo mismo.',
    NOT_DUE_FOR_ERASURE_one:
      'No se borró a nadie: {{count, number}} de estos miembros ya no debe borrarse. Vuelva a mirar la lista.',
    NOT_DUE_FOR_ERASURE_many:
      'No se borró a nadie: {{count, number}} de estos miembros ya no deben borrarse. Vuelva a mirar la lista.',
    NOT_DUE_FOR_ERASURE_other:
      'No se borró a nadie: {{count, number}} de estos miembros ya no deben borrarse. Vuelva a mirar la lista.',

    TYPE_NOT_FOUND: 'Este tipo de membresía ya no existe. Elija otro.',
    TYPE_NAME_TAKEN: 'Ya existe un tipo de membresía llamado “{{name}}”',
    TYPE_RETIRED: 'El tipo de membresía “{{name}}” está retirado: recupérelo en Ajustes o elija otro',
    PERIOD_MONTHS_REQUIRED: 'Indique el periodo que cubre un pago, en meses',
    AMOUNT_MISSING: '$t(payments.amountProblem.AMOUNT_MISSING)',
    AMOUNT_INVALID: '$t(payments.amountProblem.AMOUNT_INVALID)',
    AMOUNT_TOO_PRECISE: '$t(payments.amountProblem.AMOUNT_TOO_PRECISE)',
    AMOUNT_NOT_POSITIVE: '$t(payments.amountProblem.AMOUNT_NOT_POSITIVE)',
    AMOUNT_TOO_LARGE: '$t(payments.amountProblem.AMOUNT_TOO_LARGE)',

    PAYMENT_NOT_FOUND: 'Este pago ya no está aquí.',
    PAYMENT_ALREADY_VOIDED: 'Este pago ya estaba anulado: {{reason}}',
    PAID_BEYOND_LAST_YEAR:
      'Esto pagaría hasta después del año {{year}}: compruebe el importe y el número de periodos.',
    PERIOD_ENDS_BEFORE_START: 'El periodo termina antes de empezar',
    PERIOD_HALF_GIVEN: 'Indique el inicio y el fin del periodo, o ninguno de los dos',
    STATEMENT_NO_AMOUNT_COLUMN:
      'Este archivo no parece un extracto de pagos: no tiene ninguna columna de importes.',
    STATEMENT_NO_DATE_COLUMN:
      'Este archivo tiene importes pero ninguna columna de fechas, así que no se pueden fechar sus pagos.',
    STATEMENT_LINE_REFUSED: 'No se pudo registrar la línea {{line, number}}: {{cause}} No se registró nada.',
    STATEMENT_NOT_OPEN: 'Este extracto ya no está abierto. Vuelva a elegir el archivo.',
    STATEMENT_IMPORT_NOT_FOUND: 'Esta importación de extracto ya no está aquí.',
    STATEMENT_ALREADY_UNDONE: 'Esta importación de extracto ya se deshizo.',

    EVENT_NOT_FOUND: 'Este evento ya no está aquí: puede que se haya eliminado en otro portátil.',
    EVENT_CANCELLED: 'Este evento está cancelado.',
    EVENT_DATE_TIME_INVALID: 'Indique una fecha y una hora',
    EVENT_ENDS_BEFORE_START: 'El evento termina antes de empezar',
    CAPACITY_BELOW_CHECKED_IN_one:
      '{{count, number}} persona ya está presente: debe haber al menos tantas plazas',
    CAPACITY_BELOW_CHECKED_IN_many:
      '{{count, number}} personas ya están presentes: debe haber al menos tantas plazas',
    CAPACITY_BELOW_CHECKED_IN_other:
      '{{count, number}} personas ya están presentes: debe haber al menos tantas plazas',
    ALREADY_REGISTERED: 'Ya inscrito en este evento',
    REGISTRATION_NOT_FOUND: 'Esta inscripción ya no está en este evento.',
    ATTENDEE_NOT_FOUND: 'Esta persona ya no está en este evento.',
    NOT_CHECKED_IN: 'Esta persona no tiene registrada su llegada.',
    COMPLETION_NEEDS_CHECK_IN: 'Solo quien vino puede completar la formación: registre primero su llegada.',
    ALREADY_A_MEMBER: 'Esta persona ya es miembro.',
    REGISTRATION_IS_A_MEMBERS:
      'Esta inscripción es de un miembro: borre al miembro, lo que también borra sus datos de invitado.',
    GUEST_ERASED: 'Este invitado ya se ha borrado.',
    REGISTRATIONS_FILE_NO_PERSON:
      'Este archivo no tiene ninguna columna de nombre, correo o número de miembro, así que no se puede inscribir a nadie desde él.',
    REGISTRATION_EMAIL_INVALID: '“{{email}}” no es una dirección de correo',
    REGISTRATION_NO_PERSON: 'Sin nombre, correo ni número de miembro conocido',
    REGISTRATION_VALUE_REFUSED: 'El campo {{field}} es demasiado largo o no es válido',
    CERTIFICATE_NOT_TRAINING: 'Los certificados son para formaciones y talleres.',
    PRINT_FAILED:
      'El documento no se imprimió: la impresora o el sistema lo rechazó. Compruebe la impresora y vuelva a intentarlo.',

    FILE_EMPTY: 'El archivo está vacío o no tiene filas con datos.',
    FILE_TOO_LARGE:
      'El archivo es demasiado grande para importarlo de una vez. Guárdelo como CSV o divídalo en archivos más pequeños.',
    FILE_BINARY:
      'Este archivo no es una hoja de cálculo ni un archivo de texto (CSV). Ábralo en Excel o LibreOffice y guárdelo como .xlsx o CSV.',
    FILE_UNSUPPORTED_FORMAT:
      'ChapterDesk no puede leer este tipo de archivo. Ábralo en Excel o LibreOffice y guárdelo como .xlsx o CSV.',
    FILE_ENCRYPTED:
      'Este libro está protegido con contraseña. Ábralo en Excel, quite la contraseña (o guarde una copia como CSV) e importe esa.',
    FILE_CORRUPT:
      'El archivo está dañado y no se puede abrir. Ábralo en Excel o LibreOffice, vuelva a guardarlo e inténtelo de nuevo.',
    FILE_SHEET_NOT_FOUND: 'No hay ninguna hoja llamada “{{sheet}}” en este libro.',
    FILE_HEADER_ROW_OUT_OF_RANGE:
      'Esa fila no puede contener los nombres de columnas: está vacía o no está en el archivo.',
    FILE_NO_ROWS: 'El archivo tiene nombres de columnas pero ninguna fila.',
    IMPORT_NO_FILE: 'Elija un archivo para importar.',
    IMPORT_FILE_CLOSED: 'Ese archivo ya no está abierto. Vuelva a elegirlo.',
    IMPORT_MAPPING_MISMATCH:
      'Las columnas elegidas ya no coinciden con el archivo. Vuelva a elegir el archivo.',
    IMPORT_CANCELLED: 'Se canceló la importación; no se cambió nada.',
    IMPORT_JOB_NOT_FOUND: 'Esta importación ya no está en curso.',
    IMPORT_NOT_FOUND: 'Esta importación ya no está aquí.',
    IMPORT_ALREADY_UNDONE: 'Esta importación ya se deshizo ({{when}}).',

    OFFICERS_TOO_MANY: 'Como máximo {{maximum, number}} responsables',
    OFFICERS_REPEATED: 'Cada responsable una sola vez',

    CUSTOM_FIELD_NOT_FOUND: 'Este campo ya no existe',
    CUSTOM_FIELD_LABEL_TAKEN: 'Ya existe un campo llamado “{{label}}”',
    CUSTOM_FIELDS_TOO_MANY: 'Una sección tiene como máximo {{maximum, number}} campos propios',
    CUSTOM_FIELD_NOT_CHOICE: 'Solo un campo de opciones tiene opciones',
    CUSTOM_FIELD_UNKNOWN: 'Este campo ya no existe: recargue la página',
    CUSTOM_FIELD_RETIRED: '“{{label}}” está retirado: recupérelo en Ajustes para rellenarlo',
    CUSTOM_NUMBER_INVALID: 'Escriba un número, como 12 o 3.5',
    CUSTOM_DATE_INVALID: 'Escriba una fecha que exista',
    CUSTOM_YESNO_INVALID: 'Responda sí o no',
    CUSTOM_CHOICE_UNKNOWN: 'Elija una de las opciones de “{{label}}”',
    CUSTOM_TEXT_TOO_LONG: 'Como máximo {{maximum, number}} caracteres',

    SERVER_URL_INVALID: 'Use una dirección como https://sync.example.org',
    INSECURE_SERVER_URL: 'Use https://{{host}}: http:// es solo para un servidor en este ordenador',
    SERVER_UNREACHABLE:
      'No se puede contactar con el servidor en esta dirección. Compruébela, y que este portátil tenga conexión.',
    ENROL_CODE_REFUSED:
      'Este código de inscripción no es válido: puede estar mal escrito, ya usado o caducado. Compruébelo o pida uno nuevo al administrador del servidor.',
    SERVER_REFUSED: 'El servidor rechazó la solicitud. Inténtelo más tarde o consulte a su administrador.',
    CONFLICT_RESOLVED: 'Este conflicto ya se resolvió.',
    CONFLICT_FIELD_UNKNOWN:
      'Esta versión de ChapterDesk no puede restaurar ese campo. Actualice primero ChapterDesk.',
    SYNC_FILE_NOT_SYNC_FILE: 'Este no es un archivo de sincronización de ChapterDesk. No se aplicó nada.',
    SYNC_FILE_DAMAGED:
      'Este archivo de sincronización está dañado o incompleto. No se aplicó nada: vuelva a pedir el archivo.',
    SYNC_FILE_TOO_NEW:
      'Este archivo de sincronización lo escribió una versión más reciente de ChapterDesk. No se aplicó nada: actualice ChapterDesk y vuelva a cargarlo.',
    SYNC_FILE_OTHER_CHAPTER: 'Este archivo de sincronización es de otra sección. No se aplicó nada.',
    SYNC_FILE_NO_CHAPTER:
      'Este portátil todavía no se ha unido a la sección. Únase una vez a través del servidor de sincronización; después, los archivos de sincronización pueden llevar los cambios.',
    SYNC_FILE_LIMIT_TOO_SMALL:
      'Un archivo de sincronización no puede ser tan pequeño: un solo cambio ya ocupa más de {{maximum, number}} bytes.',
    PEER_NOT_ENROLLED:
      'Este portátil todavía no se ha unido a la sección a través del servidor de sincronización, así que no tiene la clave de la sección para identificarse ante otro portátil. Únase a la sección una vez; después, los portátiles podrán sincronizarse entre sí.',
    PEER_UNREACHABLE:
      'No se puede contactar con el otro portátil en esta dirección. Compruebe la dirección, que esté esperando una conexión y que ambos portátiles estén en la misma red.',
    PEER_OTHER_CHAPTER:
      'El otro portátil no es de esta sección: pertenece a otra sección o tiene una clave que esta sección nunca dio. No se intercambió nada.',
    PEER_KEY_REFUSED:
      'El otro portátil no pudo demostrar que tiene la clave de esta sección. No se intercambió nada.',
    PEER_VERSION:
      'El otro portátil usa otra versión de ChapterDesk. No se intercambió nada: actualice ambos portátiles y vuelva a intentarlo.',
    PEER_CONNECTION_LOST:
      'La conexión con el otro portátil se cortó antes de terminar la sincronización. Se conservó lo que llegó: sincronice de nuevo para terminar.',
    PEER_ADDRESS_INVALID:
      'Escriba la dirección del otro portátil tal como la muestra, por ejemplo 192.168.1.20:47170 (o un nombre, o [IPv6]:puerto).',
    PEER_PORT_TAKEN:
      'El puerto {{port}} ya está en uso en este portátil (otro programa u otro ChapterDesk). Ciérrelo y vuelva a intentarlo.',
    PEER_BUSY_HERE:
      'Este portátil ya se está sincronizando con un portátil cercano o está esperando uno. Cancele eso primero.',
    PEER_BUSY_THERE:
      'El otro portátil se está sincronizando ahora con otro. No se intercambió nada: vuelva a intentarlo en un momento.',

    BACKUP_NOT_FOUND: 'Esta copia ya no está ahí. No se restauró nada.',
    BACKUP_UNREADABLE: 'Este archivo no es un archivo de sección de ChapterDesk sano. No se restauró nada.',
    BACKUP_NO_CHAPTER: 'Este archivo no contiene ninguna sección. No se restauró nada.',
    BACKUP_OTHER_LAPTOP:
      'Esta es una copia del archivo de sección de otro portátil. No se restauró nada: restáurela en ese portátil, o en un archivo de sección nuevo y vacío.',
    UNSYNCED_CHANGES_one:
      '{{count, number}} cambio hecho en este portátil no ha llegado al servidor de sincronización y no está en esta copia: restaurarla lo perdería.',
    UNSYNCED_CHANGES_many:
      '{{count, number}} cambios hechos en este portátil no han llegado al servidor de sincronización y no están en esta copia: restaurarla los perdería.',
    UNSYNCED_CHANGES_other:
      '{{count, number}} cambios hechos en este portátil no han llegado al servidor de sincronización y no están en esta copia: restaurarla los perdería.',
  },
  failures: {
    title: {
      VALIDATION: 'Revise lo que introdujo',
      NOT_FOUND: 'No encontrado',
      CONFLICT: 'Esto choca con lo que ya existe',
      UNKNOWN_OPERATION: 'Esta versión de ChapterDesk no conoce esa acción',
      NOT_INITIALISED: 'La sección todavía no está configurada',
      ALREADY_INITIALISED: 'La sección ya está configurada',
      DB_TOO_NEW: 'El archivo de la sección es de un ChapterDesk más reciente',
      DB_DAMAGED: 'El archivo de la sección está dañado',
      UNAUTHORISED: 'No permitido',
      CANCELLED: 'Cancelado',
      UNREACHABLE: 'Fuera de alcance',
      NODE_ID_TAKEN: 'La identidad de este portátil ya está en uso',
      BUSY: 'El archivo de la sección está ocupado',
      NETWORK: 'No se puede contactar con ChapterDesk',
      INTERNAL: 'Algo salió mal',
    },
    text: {
      VALIDATION: 'Parte de lo introducido no es válido. No se guardó nada.',
      NOT_FOUND: 'Lo que pidió ya no está aquí: puede que se haya eliminado o borrado en otro portátil.',
      CONFLICT: 'Esto se cambió mientras tanto, o choca con algo ya guardado. No se guardó nada.',
      UNKNOWN_OPERATION: 'Recargue la página; si sigue ocurriendo, actualice ChapterDesk.',
      NOT_INITIALISED: 'Configure primero la sección.',
      ALREADY_INITIALISED: 'Recargue la página para verla.',
      DB_TOO_NEW:
        'Este archivo de sección lo escribió una versión más reciente de ChapterDesk. Actualice ChapterDesk para abrirlo; el archivo no se ha cambiado.',
      DB_DAMAGED:
        'El archivo de la sección ya no se puede leer con seguridad. No se cambió nada en él; restaure una copia para continuar.',
      UNAUTHORISED:
        'Esta página necesita el enlace que muestra “chapterdesk serve”. Vuelva a abrir ese enlace.',
      CANCELLED: 'No se cambió nada.',
      UNREACHABLE:
        'No se pudo contactar con un programa o servidor que ChapterDesk necesita. Inténtelo más tarde.',
      NODE_ID_TAKEN:
        'Otro dispositivo del servidor de sincronización ya usa la identidad de este portátil (¿un archivo de sección copiado?). Pida un código nuevo a su administrador.',
      BUSY: 'Otro programa está escribiendo en el archivo de la sección (una orden de línea de comandos o una importación). Vuelva a intentarlo cuando termine.',
      NETWORK: 'No se pudo contactar con ChapterDesk. Compruebe que sigue en marcha y vuelva a intentarlo.',
      INTERNAL: 'No se guardó nada. Vuelva a intentarlo; si sigue ocurriendo, reinicie ChapterDesk.',
    },
  },
};
