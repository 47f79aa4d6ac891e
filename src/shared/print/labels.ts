/**
 * The words printed documents use, in each language a document can be printed in. Kept apart from
 * the UI catalogues because the CLI prints without the renderer, and a receipt is printed in the
 * member's language, not necessarily the screen's.
 */
export const PRINT_LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

export interface PrintLabels {
  page: string;
  of: string;
  roster: string;
  allMembers: string;
  filter: string;
  /** "Paid through ends within {n} days": {n} is replaced. */
  expiringWithin: string;
  owing: string;
  printedOn: string;
  members: string;
  columns: Record<
    | 'memberNumber'
    | 'name'
    | 'email'
    | 'phone'
    | 'city'
    | 'type'
    | 'status'
    | 'paidThrough'
    | 'signature'
    | 'number',
    string
  >;
  status: Record<'active' | 'grace' | 'lapsed' | 'never-paid' | 'honorary' | 'lifetime', string>;
  signIn: string;
  receipt: string;
  receiptNumber: string;
  receivedFrom: string;
  amount: string;
  amountInWords: string;
  method: string;
  reference: string;
  period: string;
  date: string;
  officer: string;
  voided: string;
  /** Who paid, on the receipt of a member erased for good. */
  erasedMember: string;
  methods: Record<'cash' | 'bank-transfer' | 'mobile-money' | 'card' | 'other', string>;
  duesList: string;
  expiring: string;
  inGrace: string;
  lapsed: string;
  none: string;
  certificate: string;
  certifies: string;
  completed: string;
  on: string;
  addressLabels: string;
  /** The outlines of a sheet's positions, printed on plain paper to measure a printer's offset. */
  testSheet: string;
  cards: string;
  card: string;
  memberNumber: string;
  membershipType: string;
  validUntil: string;
  application: ApplicationLabels;
  person: PersonLabels;
}

/** The words of the page that shows one person everything stored about them. */
export interface PersonLabels {
  title: string;
  intro: string;
  deleted: string;
  /** After the name of a deleted member on a list. */
  deletedMark: string;
  /** The members screen's deleted view, as a printed list's filter. */
  deletedMembers: string;
  member: string;
  /** Duplicate records of the same person merged into the member. */
  mergedRecords: string;
  payments: string;
  registrations: string;
  attendance: string;
  /** The member's values of the chapter's own fields. */
  customFields: string;
  history: string;
  conflicts: string;
  imports: string;
  field: string;
  value: string;
  when: string;
  by: string;
}

/** The words of the blank membership application form. */
export interface ApplicationLabels {
  title: string;
  intro: string;
  aboutYou: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  address: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  region: string;
  country: string;
  membership: string;
  tickOne: string;
  keepInTouch: string;
  consentEmail: string;
  consentSms: string;
  declaration: string;
  date: string;
  signature: string;
  office: string;
  received: string;
}

const en: PrintLabels = {
  page: 'Page',
  of: 'of',
  roster: 'Member roster',
  allMembers: 'All members',
  filter: 'Filter',
  expiringWithin: 'Paid through ends within {n} days',
  owing: 'Owing dues',
  printedOn: 'Printed on',
  members: 'members',
  columns: {
    memberNumber: 'No.',
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    city: 'City',
    type: 'Type',
    status: 'Status',
    paidThrough: 'Paid through',
    signature: 'Signature',
    number: '#',
  },
  status: {
    active: 'Active',
    grace: 'In grace',
    lapsed: 'Lapsed',
    'never-paid': 'Never paid',
    honorary: 'Honorary',
    lifetime: 'Lifetime',
  },
  signIn: 'Sign-in sheet',
  receipt: 'Receipt',
  receiptNumber: 'Receipt number',
  receivedFrom: 'Received from',
  amount: 'Amount',
  amountInWords: 'In words',
  method: 'Method',
  reference: 'Reference',
  period: 'Period covered',
  date: 'Date',
  officer: 'Received by',
  voided: 'VOID',
  erasedMember: 'Erased member',
  methods: {
    cash: 'Cash',
    'bank-transfer': 'Bank transfer',
    'mobile-money': 'Mobile money',
    card: 'Card',
    other: 'Other',
  },
  duesList: 'Dues list',
  expiring: 'Expiring in the next 30 days',
  inGrace: 'In grace',
  lapsed: 'Lapsed',
  none: 'None',
  certificate: 'Certificate of completion',
  certifies: 'This certifies that',
  completed: 'completed the training',
  on: 'on',
  addressLabels: 'Address labels',
  testSheet: 'Test sheet',
  cards: 'Membership cards',
  card: 'Membership card',
  memberNumber: 'Member no.',
  membershipType: 'Membership',
  validUntil: 'Valid until',
  application: {
    title: 'Membership application',
    intro:
      'Please write clearly in capital letters and hand this form to the chapter with your first payment.',
    aboutYou: 'About you',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    address: 'Postal address',
    addressLine1: 'Street and number',
    addressLine2: 'Flat, building or P.O. box',
    postalCode: 'Postal code',
    city: 'City',
    region: 'Region or state',
    country: 'Country',
    membership: 'Membership',
    tickOne: 'Tick one.',
    keepInTouch: 'Keeping in touch',
    consentEmail: 'I agree to receive news from the chapter by email.',
    consentSms: 'I agree to receive text messages (SMS) from the chapter.',
    declaration: 'I wish to join the chapter and agree to abide by its rules.',
    date: 'Date',
    signature: 'Signature',
    office: 'For the chapter',
    received: 'Received on',
  },
  person: {
    title: 'Personal data',
    intro: "Everything this chapter's file stores about the person",
    deleted: 'Deleted: hidden and restorable, not erased',
    deletedMark: '(deleted)',
    deletedMembers: 'Deleted members',
    member: 'Member record',
    mergedRecords: 'Duplicate records merged into this member',
    payments: 'Payments',
    registrations: 'Event registrations',
    attendance: 'Attendance',
    customFields: 'Other details',
    history: 'Change history',
    conflicts: 'Sync conflicts',
    imports: 'Imports',
    field: 'Field',
    value: 'Value',
    when: 'When',
    by: 'By',
  },
};

const fr: PrintLabels = {
  page: 'Page',
  of: 'sur',
  roster: 'Liste des membres',
  allMembers: 'Tous les membres',
  filter: 'Filtre',
  expiringWithin: 'Cotisation expirant d’ici {n} jours',
  owing: 'Cotisation due',
  printedOn: 'Imprimé le',
  members: 'membres',
  columns: {
    memberNumber: 'N°',
    name: 'Nom',
    email: 'E-mail',
    phone: 'Téléphone',
    city: 'Ville',
    type: 'Type',
    status: 'Statut',
    paidThrough: 'Payé jusqu’au',
    signature: 'Signature',
    number: 'N°',
  },
  status: {
    active: 'À jour',
    grace: 'En délai de grâce',
    lapsed: 'Expiré',
    'never-paid': 'Jamais payé',
    honorary: 'D’honneur',
    lifetime: 'À vie',
  },
  signIn: 'Feuille d’émargement',
  receipt: 'Reçu',
  receiptNumber: 'Numéro de reçu',
  receivedFrom: 'Reçu de',
  amount: 'Montant',
  amountInWords: 'En lettres',
  method: 'Mode de paiement',
  reference: 'Référence',
  period: 'Période couverte',
  date: 'Date',
  officer: 'Reçu par',
  voided: 'ANNULÉ',
  erasedMember: 'Membre effacé',
  methods: {
    cash: 'Espèces',
    'bank-transfer': 'Virement',
    'mobile-money': 'Mobile money',
    card: 'Carte',
    other: 'Autre',
  },
  duesList: 'Cotisations',
  expiring: 'Expirent dans les 30 jours',
  inGrace: 'En délai de grâce',
  lapsed: 'Expirées',
  none: 'Aucun',
  certificate: 'Attestation de formation',
  certifies: 'Nous attestons que',
  completed: 'a suivi avec succès la formation',
  on: 'le',
  addressLabels: 'Étiquettes d’adresse',
  testSheet: 'Page d’essai',
  cards: 'Cartes de membre',
  card: 'Carte de membre',
  memberNumber: 'N° de membre',
  membershipType: 'Adhésion',
  validUntil: 'Valable jusqu’au',
  application: {
    title: 'Demande d’adhésion',
    intro:
      'Merci d’écrire lisiblement en majuscules et de remettre ce formulaire à la section avec votre première cotisation.',
    aboutYou: 'Vous',
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'E-mail',
    phone: 'Téléphone',
    address: 'Adresse postale',
    addressLine1: 'Numéro et rue',
    addressLine2: 'Appartement, bâtiment ou boîte postale',
    postalCode: 'Code postal',
    city: 'Ville',
    region: 'Région',
    country: 'Pays',
    membership: 'Adhésion',
    tickOne: 'Cochez une case.',
    keepInTouch: 'Rester en contact',
    consentEmail: 'J’accepte de recevoir les nouvelles de la section par e-mail.',
    consentSms: 'J’accepte de recevoir des SMS de la section.',
    declaration: 'Je souhaite adhérer à la section et m’engage à en respecter les statuts.',
    date: 'Date',
    signature: 'Signature',
    office: 'Réservé à la section',
    received: 'Reçu le',
  },
  person: {
    title: 'Données personnelles',
    intro: 'Tout ce que le fichier de la section contient sur cette personne',
    deleted: 'Supprimé : masqué et restaurable, non effacé',
    deletedMark: '(supprimé)',
    deletedMembers: 'Membres supprimés',
    member: 'Fiche du membre',
    mergedRecords: 'Fiches en double fusionnées avec ce membre',
    payments: 'Paiements',
    registrations: 'Inscriptions aux événements',
    attendance: 'Présences',
    customFields: 'Autres informations',
    history: 'Historique des modifications',
    conflicts: 'Conflits de synchronisation',
    imports: 'Importations',
    field: 'Champ',
    value: 'Valeur',
    when: 'Quand',
    by: 'Par',
  },
};

const es: PrintLabels = {
  ...en,
  page: 'Página',
  of: 'de',
  roster: 'Lista de socios',
  allMembers: 'Todos los socios',
  filter: 'Filtro',
  expiringWithin: 'Cuota que vence en {n} días',
  owing: 'Cuota pendiente',
  printedOn: 'Impreso el',
  members: 'socios',
  columns: {
    memberNumber: 'N.º',
    name: 'Nombre',
    email: 'Correo',
    phone: 'Teléfono',
    city: 'Ciudad',
    type: 'Tipo',
    status: 'Estado',
    paidThrough: 'Pagado hasta',
    signature: 'Firma',
    number: 'N.º',
  },
  status: {
    active: 'Al día',
    grace: 'En gracia',
    lapsed: 'Vencido',
    'never-paid': 'Nunca pagó',
    honorary: 'Honorario',
    lifetime: 'Vitalicio',
  },
  signIn: 'Hoja de asistencia',
  receipt: 'Recibo',
  receiptNumber: 'Número de recibo',
  receivedFrom: 'Recibido de',
  amount: 'Importe',
  amountInWords: 'En letras',
  method: 'Forma de pago',
  reference: 'Referencia',
  period: 'Período cubierto',
  date: 'Fecha',
  officer: 'Recibido por',
  voided: 'ANULADO',
  erasedMember: 'Miembro borrado',
  methods: {
    cash: 'Efectivo',
    'bank-transfer': 'Transferencia',
    'mobile-money': 'Dinero móvil',
    card: 'Tarjeta',
    other: 'Otro',
  },
  duesList: 'Cuotas',
  expiring: 'Vencen en los próximos 30 días',
  inGrace: 'En gracia',
  lapsed: 'Vencidas',
  none: 'Ninguno',
  certificate: 'Certificado de formación',
  certifies: 'Se certifica que',
  completed: 'completó la formación',
  on: 'el',
  addressLabels: 'Etiquetas de dirección',
  testSheet: 'Hoja de prueba',
  cards: 'Carnés de socio',
  card: 'Carné de socio',
  memberNumber: 'N.º de socio',
  membershipType: 'Afiliación',
  validUntil: 'Válido hasta',
  application: {
    title: 'Solicitud de afiliación',
    intro: 'Escriba con claridad en mayúsculas y entregue este formulario a la sección con su primera cuota.',
    aboutYou: 'Sus datos',
    firstName: 'Nombre',
    lastName: 'Apellidos',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    address: 'Dirección postal',
    addressLine1: 'Calle y número',
    addressLine2: 'Piso, edificio o apartado de correos',
    postalCode: 'Código postal',
    city: 'Ciudad',
    region: 'Provincia o región',
    country: 'País',
    membership: 'Afiliación',
    tickOne: 'Marque una opción.',
    keepInTouch: 'Mantenerse en contacto',
    consentEmail: 'Acepto recibir noticias de la sección por correo electrónico.',
    consentSms: 'Acepto recibir mensajes de texto (SMS) de la sección.',
    declaration: 'Deseo afiliarme a la sección y me comprometo a respetar sus estatutos.',
    date: 'Fecha',
    signature: 'Firma',
    office: 'Para uso de la sección',
    received: 'Recibido el',
  },
  person: {
    title: 'Datos personales',
    intro: 'Todo lo que el archivo de la sección guarda sobre esta persona',
    deleted: 'Eliminado: oculto y recuperable, no borrado',
    deletedMark: '(eliminado)',
    deletedMembers: 'Miembros eliminados',
    member: 'Ficha del miembro',
    mergedRecords: 'Fichas duplicadas fusionadas con este miembro',
    payments: 'Pagos',
    registrations: 'Inscripciones a eventos',
    attendance: 'Asistencia',
    customFields: 'Otros datos',
    history: 'Historial de cambios',
    conflicts: 'Conflictos de sincronización',
    imports: 'Importaciones',
    field: 'Campo',
    value: 'Valor',
    when: 'Cuándo',
    by: 'Por',
  },
};

const pt: PrintLabels = {
  ...en,
  page: 'Página',
  of: 'de',
  roster: 'Lista de sócios',
  allMembers: 'Todos os sócios',
  filter: 'Filtro',
  expiringWithin: 'Quota que vence em {n} dias',
  owing: 'Quota em dívida',
  printedOn: 'Impresso em',
  members: 'sócios',
  columns: {
    memberNumber: 'N.º',
    name: 'Nome',
    email: 'E-mail',
    phone: 'Telefone',
    city: 'Cidade',
    type: 'Tipo',
    status: 'Situação',
    paidThrough: 'Pago até',
    signature: 'Assinatura',
    number: 'N.º',
  },
  status: {
    active: 'Em dia',
    grace: 'Em carência',
    lapsed: 'Vencido',
    'never-paid': 'Nunca pagou',
    honorary: 'Honorário',
    lifetime: 'Vitalício',
  },
  signIn: 'Lista de presença',
  receipt: 'Recibo',
  receiptNumber: 'Número do recibo',
  receivedFrom: 'Recebido de',
  amount: 'Valor',
  amountInWords: 'Por extenso',
  method: 'Forma de pagamento',
  reference: 'Referência',
  period: 'Período coberto',
  date: 'Data',
  officer: 'Recebido por',
  voided: 'ANULADO',
  erasedMember: 'Membro apagado',
  methods: {
    cash: 'Dinheiro',
    'bank-transfer': 'Transferência',
    'mobile-money': 'Dinheiro móvel',
    card: 'Cartão',
    other: 'Outro',
  },
  duesList: 'Quotas',
  expiring: 'Vencem nos próximos 30 dias',
  inGrace: 'Em carência',
  lapsed: 'Vencidas',
  none: 'Nenhum',
  certificate: 'Certificado de formação',
  certifies: 'Certificamos que',
  completed: 'concluiu a formação',
  on: 'em',
  addressLabels: 'Etiquetas de endereço',
  testSheet: 'Folha de teste',
  cards: 'Cartões de sócio',
  card: 'Cartão de sócio',
  memberNumber: 'N.º de sócio',
  membershipType: 'Filiação',
  validUntil: 'Válido até',
  application: {
    title: 'Pedido de filiação',
    intro:
      'Escreva de forma legível em maiúsculas e entregue este formulário à secção com a sua primeira quota.',
    aboutYou: 'Os seus dados',
    firstName: 'Nome próprio',
    lastName: 'Apelido',
    email: 'E-mail',
    phone: 'Telefone',
    address: 'Morada',
    addressLine1: 'Rua e número',
    addressLine2: 'Andar, edifício ou apartado',
    postalCode: 'Código postal',
    city: 'Localidade',
    region: 'Distrito ou estado',
    country: 'País',
    membership: 'Filiação',
    tickOne: 'Assinale uma opção.',
    keepInTouch: 'Manter o contacto',
    consentEmail: 'Aceito receber notícias da secção por e-mail.',
    consentSms: 'Aceito receber mensagens de texto (SMS) da secção.',
    declaration: 'Desejo filiar-me na secção e comprometo-me a respeitar os seus estatutos.',
    date: 'Data',
    signature: 'Assinatura',
    office: 'A preencher pela secção',
    received: 'Recebido em',
  },
  person: {
    title: 'Dados pessoais',
    intro: 'Tudo o que o ficheiro da secção guarda sobre esta pessoa',
    deleted: 'Eliminado: oculto e recuperável, não apagado',
    deletedMark: '(eliminado)',
    deletedMembers: 'Membros eliminados',
    member: 'Ficha do membro',
    mergedRecords: 'Fichas duplicadas fundidas com este membro',
    payments: 'Pagamentos',
    registrations: 'Inscrições em eventos',
    attendance: 'Presenças',
    customFields: 'Outros dados',
    history: 'Histórico de alterações',
    conflicts: 'Conflitos de sincronização',
    imports: 'Importações',
    field: 'Campo',
    value: 'Valor',
    when: 'Quando',
    by: 'Por',
  },
};

const ar: PrintLabels = {
  ...en,
  page: 'صفحة',
  of: 'من',
  roster: 'قائمة الأعضاء',
  allMembers: 'جميع الأعضاء',
  filter: 'التصفية',
  expiringWithin: 'ينتهي الاشتراك خلال {n} يومًا',
  owing: 'اشتراك مستحق',
  printedOn: 'طُبع في',
  members: 'عضو',
  columns: {
    memberNumber: 'الرقم',
    name: 'الاسم',
    email: 'البريد الإلكتروني',
    phone: 'الهاتف',
    city: 'المدينة',
    type: 'النوع',
    status: 'الحالة',
    paidThrough: 'مدفوع حتى',
    signature: 'التوقيع',
    number: '#',
  },
  status: {
    active: 'نشط',
    grace: 'في فترة السماح',
    lapsed: 'منتهي',
    'never-paid': 'لم يدفع',
    honorary: 'فخري',
    lifetime: 'مدى الحياة',
  },
  signIn: 'ورقة الحضور',
  receipt: 'إيصال',
  receiptNumber: 'رقم الإيصال',
  receivedFrom: 'استلمنا من',
  amount: 'المبلغ',
  amountInWords: 'بالحروف',
  method: 'طريقة الدفع',
  reference: 'المرجع',
  period: 'الفترة المغطاة',
  date: 'التاريخ',
  officer: 'المستلم',
  voided: 'ملغى',
  erasedMember: 'عضو محذوف',
  methods: {
    cash: 'نقدًا',
    'bank-transfer': 'تحويل بنكي',
    'mobile-money': 'محفظة الهاتف',
    card: 'بطاقة',
    other: 'أخرى',
  },
  duesList: 'الاشتراكات',
  expiring: 'تنتهي خلال 30 يومًا',
  inGrace: 'في فترة السماح',
  lapsed: 'منتهية',
  none: 'لا أحد',
  certificate: 'شهادة إتمام',
  certifies: 'نشهد بأن',
  completed: 'أتم التدريب',
  on: 'في',
  addressLabels: 'ملصقات العناوين',
  testSheet: 'صفحة اختبار',
  cards: 'بطاقات العضوية',
  card: 'بطاقة عضوية',
  memberNumber: 'رقم العضوية',
  membershipType: 'نوع العضوية',
  validUntil: 'صالحة حتى',
  application: {
    title: 'طلب عضوية',
    intro: 'يرجى الكتابة بخط واضح وتسليم هذا الطلب إلى الفرع مع أول اشتراك.',
    aboutYou: 'بياناتك',
    firstName: 'الاسم الأول',
    lastName: 'اسم العائلة',
    email: 'البريد الإلكتروني',
    phone: 'الهاتف',
    address: 'العنوان البريدي',
    addressLine1: 'الشارع والرقم',
    addressLine2: 'الشقة أو المبنى أو صندوق البريد',
    postalCode: 'الرمز البريدي',
    city: 'المدينة',
    region: 'المنطقة أو الولاية',
    country: 'البلد',
    membership: 'العضوية',
    tickOne: 'اختر خيارًا واحدًا.',
    keepInTouch: 'التواصل',
    consentEmail: 'أوافق على تلقي أخبار الفرع عبر البريد الإلكتروني.',
    consentSms: 'أوافق على تلقي رسائل نصية قصيرة من الفرع.',
    declaration: 'أرغب في الانضمام إلى الفرع وأتعهد باحترام نظامه.',
    date: 'التاريخ',
    signature: 'التوقيع',
    office: 'خاص بالفرع',
    received: 'تاريخ الاستلام',
  },
  person: {
    title: 'البيانات الشخصية',
    intro: 'كل ما يحفظه ملف الفرع عن هذا الشخص',
    deleted: 'محذوف: مخفي وقابل للاستعادة، وغير ممحو',
    deletedMark: '(محذوف)',
    deletedMembers: 'الأعضاء المحذوفون',
    member: 'سجل العضو',
    mergedRecords: 'سجلات مكررة مدمجة في هذا العضو',
    payments: 'المدفوعات',
    registrations: 'التسجيل في الفعاليات',
    attendance: 'الحضور',
    customFields: 'بيانات أخرى',
    history: 'سجل التغييرات',
    conflicts: 'تعارضات المزامنة',
    imports: 'عمليات الاستيراد',
    field: 'الحقل',
    value: 'القيمة',
    when: 'متى',
    by: 'بواسطة',
  },
};

export const PRINT_LABELS: Record<PrintLanguage, PrintLabels> = { en, fr, es, pt, ar };

export function printLanguage(value: string | null | undefined): PrintLanguage {
  const base = (value ?? 'en').slice(0, 2).toLowerCase();
  return (PRINT_LANGUAGES as readonly string[]).includes(base) ? (base as PrintLanguage) : 'en';
}
