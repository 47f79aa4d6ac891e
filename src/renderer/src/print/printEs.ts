import type { PrintTranslation } from './printEn';

export const printEs: PrintTranslation = {
  print: {
    menu: 'Imprimir',
    open: {
      roster: 'Lista de miembros…',
      rosterLabel: 'Imprimir la lista de estos miembros',
      dues: 'Imprimir la lista de cuotas',
      receipt: 'Imprimir',
      receiptLabel: 'Imprimir el recibo {{receipt}}',
      signIn: 'Imprimir la hoja de firmas',
      certificates: 'Imprimir certificados',
      labels: 'Etiquetas de dirección…',
      labelsLabel: 'Imprimir etiquetas de dirección para estos miembros',
      cards: 'Carnés de miembro…',
      cardsLabel: 'Imprimir carnés de miembro para estos miembros',
      form: 'Formulario de solicitud en blanco…',
      formLabel: 'Imprimir un formulario de solicitud de membresía en blanco',
    },
    title: {
      roster: 'Imprimir la lista de miembros',
      dues: 'Imprimir la lista de cuotas',
      receipt: 'Imprimir el recibo {{receipt}}',
      signIn: 'Imprimir una hoja de firmas',
      certificates: 'Imprimir certificados',
      labels: 'Imprimir etiquetas de dirección',
      cards: 'Imprimir carnés de miembro',
      form: 'Imprimir un formulario de solicitud en blanco',
      personData: 'Imprimir los datos de una persona',
    },
    options: 'Opciones de impresión',
    language: 'Idioma del documento',
    paper: 'Tamaño del papel',
    papers: {
      a4: 'A4',
      a5: 'A5 (mitad de A4)',
      letter: 'Carta',
    },
    orientation: 'Orientación',
    portrait: 'Vertical',
    landscape: 'Horizontal',
    columns: 'Columnas',
    columnsHint: 'Se imprime al menos una columna.',
    columnNames: {
      memberNumber: 'Número de miembro',
      name: 'Nombre',
      email: 'Correo',
      phone: 'Teléfono',
      city: 'Ciudad',
      type: 'Tipo de membresía',
      status: 'Estado',
      paidThrough: 'Pagado hasta',
    },
    blankRows: 'Filas en blanco para quienes lleguen sin inscripción',
    blankRowsHint: 'Un número entero de 0 a {{max}}.',
    blankRowsInvalid: 'Escriba un número entero de 0 a {{max}}.',
    sheet: {
      testSheet: 'Imprimir en su lugar una hoja de prueba, en papel normal',
      testSheetHint:
        'Cada posición se dibuja con una cruz en su centro. Ponga la página sobre una hoja vacía a contraluz: donde las cruces no caigan en el centro de las etiquetas, introduzca la corrección arriba (cruces 2 mm demasiado a la derecha: −2 en “Mover a la derecha”) y guárdela para esta impresora.',
      layout: { labels: 'Hoja de etiquetas', cards: 'Hoja de carnés' },
      product: {
        labels: '{{product}} ({{paper}}, {{count}} etiquetas)',
        cards: '{{product}} ({{paper}}, {{count}} carnés)',
      },
      start: 'Primera posición en la hoja',
      position: 'Posición {{position}}',
      startHint_zero:
        'La impresión empieza arriba a la izquierda. En una hoja ya empezada, elija la primera posición libre.',
      startHint_one: '1 posición se deja en blanco, para una hoja ya empezada.',
      startHint_many: '{{count}} posiciones se dejan en blanco, para una hoja ya empezada.',
      startHint_other: '{{count}} posiciones se dejan en blanco, para una hoja ya empezada.',
      calibration: 'Desplazamiento de la impresora',
      printer: 'Impresora',
      printerHint:
        'Escriba el nombre de la impresora: su desplazamiento se guarda en este ordenador para la próxima vez.',
      printerMissing: 'Indique la impresora para guardar su desplazamiento.',
      offset: { x: 'Mover a la derecha (mm)', y: 'Mover hacia abajo (mm)' },
      offsetHint: {
        x: 'Si la impresión queda demasiado a la izquierda, muévala a la derecha; un número negativo la mueve a la izquierda.',
        y: 'Si la impresión queda demasiado arriba, muévala hacia abajo; un número negativo la mueve hacia arriba.',
      },
      offsetInvalid: 'Escriba un número de milímetros de −{{max}} a {{max}}, como 1,5 o −2.',
      save: 'Guardar el desplazamiento para esta impresora',
      saved: 'Desplazamiento guardado para {{printer}}.',
    },
    skipped_one: '1 miembro no tiene dirección postal y se omite.',
    skipped_many: '{{count}} miembros no tienen dirección postal y se omiten.',
    skipped_other: '{{count}} miembros no tienen dirección postal y se omiten.',
    none: {
      labels:
        'Ninguno de estos miembros tiene dirección postal, así que no hay etiquetas que imprimir. Añada las direcciones en las páginas de los miembros.',
      cards: 'Ningún miembro coincide, así que no hay carnés que imprimir.',
    },
    marginsSheet:
      'Imprima a tamaño real (100 %, no “ajustar a la página”) para que las etiquetas caigan en la hoja. Si quedan un poco desplazadas, guarde un desplazamiento para la impresora.',
    preview: 'Vista previa',
    frameLabel: 'Vista previa del documento que se imprimirá',
    loading: 'Preparando la vista previa…',
    margins:
      'El nombre de la sección, la fecha y los números de página se imprimen en los márgenes; la fila de encabezado de una tabla se repite en cada página.',
    marginsPlain: 'El nombre de la sección y los números de página se imprimen en los márgenes.',
    missingFonts:
      'Este ordenador no tiene ninguna fuente para {{scripts}}: los nombres escritos en ella se imprimirían como cuadros vacíos. Instale una fuente para ella (las fuentes Noto gratuitas de Google cubren todas las escrituras) y vuelva a abrir esta ventana.',
    unknownScript: 'algunas letras de los nombres',
    noCertificates:
      'Nadie ha completado todavía esta formación, así que no hay certificados que imprimir. Marque “Completada” para cada persona en la lista de asistentes.',
    systemDialog:
      'A continuación se abre la ventana de impresión de su ordenador: elija una impresora o guarde como PDF.',
    systemDialogDesktop:
      'Imprimir abre la ventana de impresión de su ordenador para elegir una impresora; Guardar como PDF pregunta dónde guardar el archivo.',
    print: 'Imprimir',
    savePdf: 'Guardar como PDF',
    savedPdf: 'El PDF está guardado.',
    close: 'Cerrar',
  },
};
