import type { PrintTranslation } from './printEn';

export const printPt: PrintTranslation = {
  print: {
    menu: 'Imprimir',
    open: {
      roster: 'Lista de membros…',
      rosterLabel: 'Imprimir a lista destes membros',
      dues: 'Imprimir a lista de cotas',
      receipt: 'Imprimir',
      receiptLabel: 'Imprimir o recibo {{receipt}}',
      signIn: 'Imprimir a folha de presenças',
      certificates: 'Imprimir certificados',
      labels: 'Etiquetas de endereço…',
      labelsLabel: 'Imprimir etiquetas de endereço para estes membros',
      cards: 'Cartões de membro…',
      cardsLabel: 'Imprimir cartões de membro para estes membros',
      form: 'Formulário de adesão em branco…',
      formLabel: 'Imprimir um formulário de adesão em branco',
    },
    title: {
      roster: 'Imprimir a lista de membros',
      dues: 'Imprimir a lista de cotas',
      receipt: 'Imprimir o recibo {{receipt}}',
      signIn: 'Imprimir uma folha de presenças',
      certificates: 'Imprimir certificados',
      labels: 'Imprimir etiquetas de endereço',
      cards: 'Imprimir cartões de membro',
      form: 'Imprimir um formulário de adesão em branco',
      personData: 'Imprimir os dados de uma pessoa',
    },
    options: 'Opções de impressão',
    language: 'Idioma do documento',
    paper: 'Tamanho do papel',
    papers: {
      a4: 'A4',
      a5: 'A5 (metade de A4)',
      letter: 'Carta',
    },
    orientation: 'Orientação',
    portrait: 'Retrato',
    landscape: 'Paisagem',
    columns: 'Colunas',
    columnsHint: 'Pelo menos uma coluna é impressa.',
    columnNames: {
      memberNumber: 'Número de membro',
      name: 'Nome',
      email: 'E-mail',
      phone: 'Telefone',
      city: 'Cidade',
      type: 'Tipo de associação',
      status: 'Estado',
      paidThrough: 'Pago até',
    },
    blankRows: 'Linhas em branco para quem chegar sem inscrição',
    blankRowsHint: 'Um número inteiro de 0 a {{max}}.',
    blankRowsInvalid: 'Escreva um número inteiro de 0 a {{max}}.',
    sheet: {
      testSheet: 'Imprimir antes uma folha de teste, em papel comum',
      testSheetHint:
        'Cada posição é contornada com uma cruz no centro. Ponha a página sobre uma folha vazia contra a luz: onde as cruzes não caírem no meio das etiquetas, indique a correção acima (cruzes 2 mm demasiado à direita: −2 em “Mover para a direita”) e salve-a para esta impressora.',
      layout: { labels: 'Folha de etiquetas', cards: 'Folha de cartões' },
      product: {
        labels: '{{product}} ({{paper}}, {{count}} etiquetas)',
        cards: '{{product}} ({{paper}}, {{count}} cartões)',
      },
      start: 'Primeira posição na folha',
      position: 'Posição {{position}}',
      startHint_zero:
        'A impressão começa no canto superior esquerdo. Numa folha já usada em parte, escolha a primeira posição livre.',
      startHint_one: '1 posição fica em branco, para uma folha já usada em parte.',
      startHint_many: '{{count}} posições ficam em branco, para uma folha já usada em parte.',
      startHint_other: '{{count}} posições ficam em branco, para uma folha já usada em parte.',
      calibration: 'Deslocamento da impressora',
      printer: 'Impressora',
      printerHint:
        'Escreva o nome da impressora: o deslocamento fica salvo neste computador para a próxima vez.',
      printerMissing: 'Indique a impressora para salvar o deslocamento.',
      offset: { x: 'Mover para a direita (mm)', y: 'Mover para baixo (mm)' },
      offsetHint: {
        x: 'Se a impressão ficar demasiado à esquerda, mova-a para a direita; um número negativo move-a para a esquerda.',
        y: 'Se a impressão ficar demasiado alta, mova-a para baixo; um número negativo move-a para cima.',
      },
      offsetInvalid: 'Escreva um número de milímetros de −{{max}} a {{max}}, como 1,5 ou −2.',
      save: 'Salvar o deslocamento para esta impressora',
      saved: 'Deslocamento salvo para {{printer}}.',
    },
    skipped_one: '1 membro não tem endereço postal e fica de fora.',
    skipped_many: '{{count}} membros não têm endereço postal e ficam de fora.',
    skipped_other: '{{count}} membros não têm endereço postal e ficam de fora.',
    none: {
      labels:
        'Nenhum destes membros tem endereço postal, por isso não há etiquetas a imprimir. Adicione os endereços nas páginas dos membros.',
      cards: 'Nenhum membro corresponde, por isso não há cartões a imprimir.',
    },
    marginsSheet:
      'Imprima em tamanho real (100%, não “ajustar à página”) para que as etiquetas caiam na folha. Se ficarem um pouco desalinhadas, salve um deslocamento para a impressora.',
    preview: 'Pré-visualização',
    frameLabel: 'Pré-visualização do documento a imprimir',
    loading: 'Preparando a pré-visualização…',
    margins:
      'O nome da seção, a data e os números de página são impressos nas margens; a linha de cabeçalho de uma tabela repete-se em cada página.',
    marginsPlain: 'O nome da seção e os números de página são impressos nas margens.',
    missingFonts:
      'Este computador não tem nenhuma fonte para {{scripts}}: os nomes escritos nela seriam impressos como caixas vazias. Instale uma fonte para ela (as fontes Noto gratuitas da Google cobrem todas as escritas) e volte a abrir esta janela.',
    unknownScript: 'algumas letras dos nomes',
    noCertificates:
      'Ninguém concluiu ainda esta formação, por isso não há certificados a imprimir. Marque “Concluída” para cada pessoa na lista de participantes.',
    systemDialog:
      'A seguir abre-se a janela de impressão do seu computador: escolha uma impressora ou salve como PDF.',
    systemDialogDesktop:
      'Imprimir abre a janela de impressão do seu computador para escolher uma impressora; Salvar como PDF pergunta onde salvar o arquivo.',
    print: 'Imprimir',
    savePdf: 'Salvar como PDF',
    savedPdf: 'O PDF foi salvo.',
    close: 'Fechar',
  },
};
