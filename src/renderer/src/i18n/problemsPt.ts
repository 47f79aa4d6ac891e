import type { ProblemsTranslation } from './problemsEn';

export const problemsPt: ProblemsTranslation = {
  problems: {
    too_big: 'Grande demais',
    too_big_string: 'No máximo {{maximum, number}} caracteres',
    too_big_number: 'No máximo {{maximum, number}}',
    too_big_array: 'No máximo {{maximum, number}} itens',
    too_small: 'Pequeno demais',
    too_small_empty: 'Preencha este campo',
    too_small_string: 'Pelo menos {{minimum, number}} caracteres',
    too_small_number: 'Pelo menos {{minimum, number}}',
    too_small_array: 'Pelo menos {{minimum, number}} itens',
    invalid_format: 'Não está escrito como este campo espera',
    invalid_format_email: 'Não é um endereço de e-mail válido',
    invalid_format_date: 'Use uma data como 2024-03-31',
    invalid_format_url: 'Não é um endereço web',
    invalid_type: 'Em falta, ou não é o tipo de valor que este campo aceita',
    invalid_value: 'Não é uma das opções',
    not_multiple_of: 'Tem de ser um múltiplo de {{divisor, number}}',
    unrecognized_keys: 'O ChapterDesk enviou algo que esta versão não conhece. Recarregue a página.',
    invalid_union: 'Não é um valor que este campo aceite',
    invalid_key: 'Não é um valor que este campo aceite',
    invalid_element: 'Não é um valor que este campo aceite',
    custom: 'Não é um valor que este campo aceite',

    MEMBER_NOT_FOUND: 'Este membro já não está aqui: pode ter sido apagado noutro computador.',
    MEMBER_DELETED: 'Este membro foi excluído. Restaure-o primeiro.',
    MEMBER_ERASED: 'Este membro já foi apagado.',
    MEMBER_NUMBER_TAKEN: 'O número {{number}} já pertence a {{name}}',
    EMAIL_TAKEN: 'Outro membro ({{name}}) já usa este e-mail',
    NAME_OR_EMAIL_REQUIRED: 'Indique pelo menos um nome ou um e-mail',
    MERGE_SAME_MEMBER: 'Um membro não pode ser fundido consigo mesmo.',
    NOT_DUE_FOR_ERASURE_one:
      'Ninguém foi apagado: {{count, number}} destes membros já não deve ser apagado. Veja a lista de novo.',
    NOT_DUE_FOR_ERASURE_many:
      'Ninguém foi apagado: {{count, number}} destes membros já não devem ser apagados. Veja a lista de novo.',
    NOT_DUE_FOR_ERASURE_other:
      'Ninguém foi apagado: {{count, number}} destes membros já não devem ser apagados. Veja a lista de novo.',

    TYPE_NOT_FOUND: 'Este tipo de associação já não existe. Escolha outro.',
    TYPE_NAME_TAKEN: 'Já existe um tipo de associação chamado “{{name}}”',
    TYPE_RETIRED:
      'O tipo de associação “{{name}}” está retirado: recupere-o nas Configurações ou escolha outro',
    PERIOD_MONTHS_REQUIRED: 'Indique o período que um pagamento cobre, em meses',
    AMOUNT_MISSING: '$t(payments.amountProblem.AMOUNT_MISSING)',
    AMOUNT_INVALID: '$t(payments.amountProblem.AMOUNT_INVALID)',
    AMOUNT_TOO_PRECISE: '$t(payments.amountProblem.AMOUNT_TOO_PRECISE)',
    AMOUNT_NOT_POSITIVE: '$t(payments.amountProblem.AMOUNT_NOT_POSITIVE)',
    AMOUNT_TOO_LARGE: '$t(payments.amountProblem.AMOUNT_TOO_LARGE)',

    PAYMENT_NOT_FOUND: 'Este pagamento já não está aqui.',
    PAYMENT_ALREADY_VOIDED: 'Este pagamento já estava anulado: {{reason}}',
    PAID_BEYOND_LAST_YEAR:
      'Isto pagaria até depois do ano {{year}}: verifique o valor e o número de períodos.',
    PERIOD_ENDS_BEFORE_START: 'O período termina antes de começar',
    PERIOD_HALF_GIVEN: 'Indique o início e o fim do período, ou nenhum dos dois',
    STATEMENT_NO_AMOUNT_COLUMN:
      'Este arquivo não parece um extrato de pagamentos: não tem nenhuma coluna de valores.',
    STATEMENT_NO_DATE_COLUMN:
      'Este arquivo tem valores mas nenhuma coluna de datas, por isso os seus pagamentos não podem ser datados.',
    STATEMENT_LINE_REFUSED:
      'A linha {{line, number}} não pôde ser registrada: {{cause}} Nada foi registrado.',
    STATEMENT_NOT_OPEN: 'Este extrato já não está aberto. Escolha o arquivo de novo.',
    STATEMENT_IMPORT_NOT_FOUND: 'Esta importação de extrato já não está aqui.',
    STATEMENT_ALREADY_UNDONE: 'Esta importação de extrato já foi desfeita.',

    EVENT_NOT_FOUND: 'Este evento já não está aqui: pode ter sido excluído noutro computador.',
    EVENT_CANCELLED: 'Este evento está cancelado.',
    EVENT_DATE_TIME_INVALID: 'Indique uma data e uma hora',
    EVENT_ENDS_BEFORE_START: 'O evento termina antes de começar',
    CAPACITY_BELOW_CHECKED_IN_one:
      '{{count, number}} pessoa já está presente: tem de haver pelo menos outras tantas vagas',
    CAPACITY_BELOW_CHECKED_IN_many:
      '{{count, number}} pessoas já estão presentes: tem de haver pelo menos outras tantas vagas',
    CAPACITY_BELOW_CHECKED_IN_other:
      '{{count, number}} pessoas já estão presentes: tem de haver pelo menos outras tantas vagas',
    ALREADY_REGISTERED: 'Já inscrito neste evento',
    REGISTRATION_NOT_FOUND: 'Esta inscrição já não está neste evento.',
    ATTENDEE_NOT_FOUND: 'Esta pessoa já não está neste evento.',
    NOT_CHECKED_IN: 'Esta pessoa não tem a chegada registrada.',
    COMPLETION_NEEDS_CHECK_IN: 'Só quem veio pode concluir a formação: registre primeiro a chegada.',
    ALREADY_A_MEMBER: 'Esta pessoa já é membro.',
    REGISTRATION_IS_A_MEMBERS:
      'Esta inscrição é de um membro: apague antes o membro, o que apaga também os seus dados de convidado.',
    GUEST_ERASED: 'Este convidado já foi apagado.',
    REGISTRATIONS_FILE_NO_PERSON:
      'Este arquivo não tem nenhuma coluna de nome, e-mail ou número de membro, por isso ninguém pode ser inscrito a partir dele.',
    REGISTRATION_EMAIL_INVALID: '“{{email}}” não é um endereço de e-mail',
    REGISTRATION_NO_PERSON: 'Sem nome, e-mail nem número de membro conhecido',
    REGISTRATION_VALUE_REFUSED: 'O campo {{field}} é longo demais ou não é válido',
    CERTIFICATE_NOT_TRAINING: 'Os certificados são para formações e oficinas.',
    PRINT_FAILED:
      'O documento não foi impresso: a impressora ou o sistema recusou-o. Verifique a impressora e tente de novo.',

    FILE_EMPTY: 'O arquivo está vazio ou não tem linhas com dados.',
    FILE_TOO_LARGE:
      'O arquivo é grande demais para importar de uma vez. Salve-o como CSV ou divida-o em arquivos menores.',
    FILE_BINARY:
      'Este arquivo não é uma planilha nem um arquivo de texto (CSV). Abra-o no Excel ou no LibreOffice e salve-o como .xlsx ou CSV.',
    FILE_UNSUPPORTED_FORMAT:
      'O ChapterDesk não consegue ler este tipo de arquivo. Abra-o no Excel ou no LibreOffice e salve-o como .xlsx ou CSV.',
    FILE_ENCRYPTED:
      'Esta pasta de trabalho está protegida por senha. Abra-a no Excel, remova a senha (ou salve uma cópia como CSV) e importe essa.',
    FILE_CORRUPT:
      'O arquivo está danificado e não pode ser aberto. Abra-o no Excel ou no LibreOffice, salve-o de novo e tente outra vez.',
    FILE_SHEET_NOT_FOUND: 'Não há nenhuma folha chamada “{{sheet}}” nesta pasta de trabalho.',
    FILE_HEADER_ROW_OUT_OF_RANGE:
      'Essa linha não pode conter os nomes das colunas: está vazia ou não está no arquivo.',
    FILE_NO_ROWS: 'O arquivo tem nomes de colunas, mas nenhuma linha.',
    IMPORT_NO_FILE: 'Escolha um arquivo para importar.',
    IMPORT_FILE_CLOSED: 'Esse arquivo já não está aberto. Escolha-o de novo.',
    IMPORT_MAPPING_MISMATCH:
      'As colunas escolhidas já não correspondem ao arquivo. Escolha o arquivo de novo.',
    IMPORT_CANCELLED: 'A importação foi cancelada; nada foi alterado.',
    IMPORT_JOB_NOT_FOUND: 'Esta importação já não está em curso.',
    IMPORT_NOT_FOUND: 'Esta importação já não está aqui.',
    IMPORT_ALREADY_UNDONE: 'Esta importação já foi desfeita ({{when}}).',

    OFFICERS_TOO_MANY: 'No máximo {{maximum, number}} responsáveis',
    OFFICERS_REPEATED: 'Cada responsável uma única vez',

    CUSTOM_FIELD_NOT_FOUND: 'Este campo já não existe',
    CUSTOM_FIELD_LABEL_TAKEN: 'Já existe um campo chamado “{{label}}”',
    CUSTOM_FIELDS_TOO_MANY: 'Uma seção tem no máximo {{maximum, number}} campos próprios',
    CUSTOM_FIELD_NOT_CHOICE: 'Só um campo de opções tem opções',
    CUSTOM_FIELD_UNKNOWN: 'Este campo já não existe: recarregue a página',
    CUSTOM_FIELD_RETIRED: '“{{label}}” está retirado: recupere-o nas Configurações para preenchê-lo',
    CUSTOM_NUMBER_INVALID: 'Escreva um número, como 12 ou 3,5',
    CUSTOM_DATE_INVALID: 'Escreva uma data que exista',
    CUSTOM_YESNO_INVALID: 'Responda sim ou não',
    CUSTOM_CHOICE_UNKNOWN: 'Escolha uma das opções de “{{label}}”',
    CUSTOM_TEXT_TOO_LONG: 'No máximo {{maximum, number}} caracteres',

    SERVER_URL_INVALID: 'Use um endereço como https://sync.example.org',
    INSECURE_SERVER_URL: 'Use https://{{host}}: http:// é só para um servidor neste computador',
    SERVER_UNREACHABLE:
      'Não é possível contactar o servidor neste endereço. Verifique-o, e se este computador está conectado.',
    ENROL_CODE_REFUSED:
      'Este código de inscrição não é válido: pode estar mal escrito, já usado ou expirado. Verifique-o ou peça um novo ao administrador do servidor.',
    SERVER_REFUSED: 'O servidor recusou o pedido. Tente mais tarde ou fale com o seu administrador.',
    CONFLICT_RESOLVED: 'Este conflito já foi resolvido.',
    CONFLICT_FIELD_UNKNOWN:
      'Esta versão do ChapterDesk não consegue restaurar esse campo. Atualize primeiro o ChapterDesk.',
    SYNC_FILE_NOT_SYNC_FILE: 'Este não é um arquivo de sincronização do ChapterDesk. Nada foi aplicado.',
    SYNC_FILE_DAMAGED:
      'Este arquivo de sincronização está danificado ou incompleto. Nada foi aplicado: peça o arquivo de novo.',
    SYNC_FILE_TOO_NEW:
      'Este arquivo de sincronização foi escrito por uma versão mais recente do ChapterDesk. Nada foi aplicado: atualize o ChapterDesk e carregue-o de novo.',
    SYNC_FILE_OTHER_CHAPTER: 'Este arquivo de sincronização é de outra seção. Nada foi aplicado.',
    SYNC_FILE_NO_CHAPTER:
      'Este computador ainda não entrou na seção. Entre uma vez através do servidor de sincronização; depois, os arquivos de sincronização podem levar as alterações.',
    SYNC_FILE_LIMIT_TOO_SMALL:
      'Um arquivo de sincronização não pode ser tão pequeno: uma única alteração já ocupa mais de {{maximum, number}} bytes.',
    PEER_NOT_ENROLLED:
      'Este computador ainda não entrou na seção através do servidor de sincronização, por isso não tem a chave da seção para se identificar perante outro computador. Entre na seção uma vez; depois, os computadores poderão sincronizar entre si.',
    PEER_UNREACHABLE:
      'Não é possível contactar o outro computador neste endereço. Verifique o endereço, se ele está à espera de uma conexão e se os dois computadores estão na mesma rede.',
    PEER_OTHER_CHAPTER:
      'O outro computador não é desta seção: pertence a outra seção ou tem uma chave que esta seção nunca deu. Nada foi trocado.',
    PEER_KEY_REFUSED:
      'O outro computador não conseguiu provar que tem a chave desta seção. Nada foi trocado.',
    PEER_VERSION:
      'O outro computador usa outra versão do ChapterDesk. Nada foi trocado: atualize os dois computadores e tente novamente.',
    PEER_CONNECTION_LOST:
      'A conexão com o outro computador caiu antes de a sincronização terminar. O que chegou foi mantido: sincronize novamente para terminar.',
    PEER_ADDRESS_INVALID:
      'Escreva o endereço do outro computador como ele o mostra, por exemplo 192.168.1.20:47170 (ou um nome, ou [IPv6]:porta).',
    PEER_PORT_TAKEN:
      'A porta {{port}} já está em uso neste computador (outro programa ou outro ChapterDesk). Feche-o e tente novamente.',
    PEER_BUSY_HERE:
      'Este computador já está sincronizando com um computador próximo, ou esperando por um. Cancele isso primeiro.',
    PEER_BUSY_THERE:
      'O outro computador está sincronizando agora com outro. Nada foi trocado: tente novamente daqui a pouco.',

    BACKUP_NOT_FOUND: 'Esta cópia já não está lá. Nada foi restaurado.',
    BACKUP_UNREADABLE: 'Este arquivo não é um arquivo de seção do ChapterDesk são. Nada foi restaurado.',
    BACKUP_NO_CHAPTER: 'Este arquivo não contém nenhuma seção. Nada foi restaurado.',
    BACKUP_OTHER_LAPTOP:
      'Esta é uma cópia do arquivo de seção de outro computador. Nada foi restaurado: restaure-a nesse computador, ou num arquivo de seção novo e vazio.',
    UNSYNCED_CHANGES_one:
      '{{count, number}} alteração feita neste computador não chegou ao servidor de sincronização e não está nesta cópia: restaurar iria perdê-la.',
    UNSYNCED_CHANGES_many:
      '{{count, number}} alterações feitas neste computador não chegaram ao servidor de sincronização e não estão nesta cópia: restaurar iria perdê-las.',
    UNSYNCED_CHANGES_other:
      '{{count, number}} alterações feitas neste computador não chegaram ao servidor de sincronização e não estão nesta cópia: restaurar iria perdê-las.',
  },
  failures: {
    title: {
      VALIDATION: 'Verifique o que introduziu',
      NOT_FOUND: 'Não encontrado',
      CONFLICT: 'Isto choca com o que já existe',
      UNKNOWN_OPERATION: 'Esta versão do ChapterDesk não conhece essa ação',
      NOT_INITIALISED: 'A seção ainda não está configurada',
      ALREADY_INITIALISED: 'A seção já está configurada',
      DB_TOO_NEW: 'O arquivo da seção é de um ChapterDesk mais recente',
      DB_DAMAGED: 'O arquivo da seção está danificado',
      UNAUTHORISED: 'Não permitido',
      CANCELLED: 'Cancelado',
      UNREACHABLE: 'Fora de alcance',
      NODE_ID_TAKEN: 'A identidade deste computador já está em uso',
      BUSY: 'O arquivo da seção está ocupado',
      NETWORK: 'Não é possível contactar o ChapterDesk',
      INTERNAL: 'Algo correu mal',
    },
    text: {
      VALIDATION: 'Parte do que foi introduzido não é válido. Nada foi salvo.',
      NOT_FOUND: 'O que pediu já não está aqui: pode ter sido excluído ou apagado noutro computador.',
      CONFLICT: 'Isto foi alterado entretanto, ou choca com algo já salvo. Nada foi salvo.',
      UNKNOWN_OPERATION: 'Recarregue a página; se continuar a acontecer, atualize o ChapterDesk.',
      NOT_INITIALISED: 'Configure primeiro a seção.',
      ALREADY_INITIALISED: 'Recarregue a página para vê-la.',
      DB_TOO_NEW:
        'Este arquivo de seção foi escrito por uma versão mais recente do ChapterDesk. Atualize o ChapterDesk para abri-lo; o arquivo não foi alterado.',
      DB_DAMAGED:
        'O arquivo da seção já não pode ser lido com segurança. Nada foi alterado nele; restaure uma cópia para continuar.',
      UNAUTHORISED: 'Esta página precisa do link mostrado por “chapterdesk serve”. Abra esse link de novo.',
      CANCELLED: 'Nada foi alterado.',
      UNREACHABLE:
        'Não foi possível contactar um programa ou servidor de que o ChapterDesk precisa. Tente mais tarde.',
      NODE_ID_TAKEN:
        'Outro dispositivo no servidor de sincronização já usa a identidade deste computador (um arquivo de seção copiado?). Peça um novo código ao seu administrador.',
      BUSY: 'Outro programa está escrevendo no arquivo da seção (um comando de linha de comandos ou uma importação). Tente de novo quando terminar.',
      NETWORK: 'Não foi possível contactar o ChapterDesk. Verifique se continua em execução e tente de novo.',
      INTERNAL: 'Nada foi salvo. Tente de novo; se continuar a acontecer, reinicie o ChapterDesk.',
    },
  },
};
