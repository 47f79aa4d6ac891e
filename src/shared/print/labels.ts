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
  walkIns: string;
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
  walkIns: 'Walk-ins',
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
  walkIns: 'Sans inscription',
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
  walkIns: 'Sin inscripción',
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
  walkIns: 'Sem inscrição',
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
  walkIns: 'حضور دون تسجيل',
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
};

export const PRINT_LABELS: Record<PrintLanguage, PrintLabels> = { en, fr, es, pt, ar };

export function printLanguage(value: string | null | undefined): PrintLanguage {
  const base = (value ?? 'en').slice(0, 2).toLowerCase();
  return (PRINT_LANGUAGES as readonly string[]).includes(base) ? (base as PrintLanguage) : 'en';
}
