import { createHash } from 'node:crypto';
import { FIELD_LABELS, IMPORT_FIELDS, type ImportField } from './fields';
import { columnLetter } from './table';
import { foldText } from '../../../shared/text';

/** What column `index` of the file feeds. */
export interface MappedColumn {
  index: number;
  /** The header cell as written ('' when the header cell is empty). */
  header: string;
  /** What to call the column on screen: the header, or "Column F" when it has none. */
  label: string;
  field: ImportField | null;
}

export interface ColumnMapping {
  /** Same headers (ignoring case, accents and spacing), same key: lets the caller remember a mapping. */
  key: string;
  columns: MappedColumn[];
}

export interface MappingIssue {
  code: 'duplicate_field' | 'no_name_or_email';
  message: string;
  /** Indexes of the columns concerned. */
  columns: number[];
}

/**
 * Header names per field in English, French, Spanish and Portuguese, written naturally; they are
 * compared after `headerKey`, so case, accents, punctuation, "N°"/"#"/"No." and small words such
 * as "de", "d'" or "of" do not matter.
 */
// prettier-ignore
const ALIASES: Record<ImportField, readonly string[]> = {
  memberNumber: [
    'member number', 'member id', 'membership number', 'membership id', 'member code', 'id', 'number',
    'card number', 'membership card number', 'reference', 'ref', 'numéro adhérent', 'numéro membre',
    'id adhérent', 'code adhérent', 'matricule', 'numéro carte', 'numéro socio', 'socio number',
    'número socio', 'id socio', 'código socio', 'número miembro', 'número membro', 'número sócio',
    'número associado', 'matrícula', 'número cartão', 'número afiliado', 'código',
  ],
  firstName: [
    'first name', 'firstname', 'first', 'given name', 'given names', 'forename', 'forenames',
    'christian name', 'prénom', 'prénoms', 'primer nombre', 'nombre pila', 'primeiro nome', 'nome próprio',
    'nome proprio',
  ],
  lastName: [
    'last name', 'lastname', 'last', 'surname', 'surnames', 'family name', 'nom famille', 'nom naissance',
    "nom d'usage", 'nom usage', 'patronyme', 'apellido', 'apellidos', 'apellido(s)', 'primer apellido',
    'sobrenome', 'apelido', 'apelidos', 'último nome', 'nome família',
  ],
  fullName: [
    'full name', 'fullname', 'member name', 'name of member', 'contact name', 'member', 'nom complet',
    'nom et prénom', 'nom prénom', 'prénom nom', 'nom prénoms', 'prénom et nom', "nom de l'adhérent",
    'adhérent', 'membre', 'nom du membre', 'nombre completo', 'nombre y apellidos', 'nombre y apellido',
    'nombre apellidos', 'apellidos y nombre', 'apellidos nombre', 'nombre del socio', 'socio', 'miembro',
    'nome completo', 'nome e sobrenome', 'nome e apelido', 'nome sócio', 'sócio', 'membro', 'associado',
  ],
  email: [
    'email', 'e-mail', 'email address', 'e-mail address', 'mail', 'courriel', 'adresse courriel',
    'adresse email', 'adresse e-mail', 'adresse mail', 'adresse électronique', 'mél', 'mel', 'correo',
    'correo electrónico', 'dirección correo', 'dirección email', 'dirección correo electrónico',
    'endereço email', 'endereço e-mail', 'correio eletrônico', 'correio electrónico', 'e-mail pessoal',
    'email personal',
  ],
  phone: [
    'phone', 'phone number', 'telephone', 'telephone number', 'tel', 'mobile', 'mobile phone',
    'mobile number', 'cell', 'cell phone', 'cellphone', 'contact number', 'phone mobile', 'whatsapp',
    'téléphone', 'tél', 'portable', 'téléphone portable', 'tél portable', 'numéro téléphone',
    'téléphone mobile', 'gsm', 'teléfono', 'teléfono móvil', 'móvil', 'celular', 'número teléfono',
    'telefone', 'telemóvel', 'número telefone', 'telefone celular',
  ],
  country: [
    'country', 'country of residence', 'pays', 'pays de résidence', 'país', 'país de residencia',
    'país de residência',
  ],
  addressLine1: [
    'address', 'address 1', 'address line 1', 'address1', 'street address', 'street', 'postal address',
    'mailing address', 'home address', 'adresse', 'adresse 1', 'adresse postale', 'adresse ligne 1', 'rue',
    'domicile', 'dirección', 'dirección 1', 'dirección postal', 'domicilio', 'calle', 'endereço',
    'endereço 1', 'endereço postal', 'morada', 'rua', 'logradouro',
  ],
  addressLine2: [
    'address 2', 'address line 2', 'address2', 'address continued', 'apartment', 'suite', 'adresse 2',
    'adresse ligne 2', "complément d'adresse", 'complément adresse', 'dirección 2', 'complemento dirección',
    'endereço 2', 'complemento', 'complemento endereço',
  ],
  postalCode: [
    'postal code', 'postcode', 'post code', 'zip', 'zip code', 'zipcode', 'postal', 'code postal', 'cp',
    'código postal', 'cod postal', 'cep', 'código postal cep',
  ],
  region: [
    'region', 'state', 'province', 'county', 'state/province', 'state province', 'région', 'département',
    'región', 'provincia', 'comunidad autónoma', 'distrito', 'uf', 'região',
  ],
  city: [
    'city', 'town', 'city/town', 'ville', 'commune', 'localité', 'ciudad', 'localidad', 'municipio',
    'población', 'cidade', 'localidade', 'município', 'concelho',
  ],
  organisation: [
    'organisation', 'organization', 'org', 'company', 'employer', 'institution', 'affiliation', 'organisme',
    'association', 'structure', 'entreprise', 'société', 'employeur', 'organización', 'empresa', 'entidad',
    'institución', 'organização', 'entidade', 'instituição',
  ],
  membershipType: [
    'membership type', 'member type', 'type', 'membership', 'membership category', 'category',
    'membership level', 'tier', 'plan', "type d'adhésion", 'type adhésion', 'type de membre',
    "catégorie d'adhérent", 'catégorie', 'formule', 'tipo', 'tipo de socio', 'tipo de membresía',
    'tipo de miembro', 'categoría', 'tipo de sócio', 'tipo de associado', 'tipo de membro', 'categoria',
  ],
  joinedOn: [
    'joined', 'joined on', 'join date', 'date joined', 'joining date', 'member since', 'membership date',
    'start date', "date d'adhésion", 'adhésion', 'adhéré le', 'membre depuis', "date d'inscription",
    'inscription', 'inscrit le', 'fecha de alta', 'fecha de ingreso', 'fecha de afiliación',
    'fecha de inscripción', 'alta', 'ingreso', 'socio desde', 'miembro desde', 'data de adesão', 'adesão',
    'data de entrada', 'data de inscrição', 'data de filiação', 'membro desde', 'sócio desde',
  ],
  paidThrough: [
    'paid through', 'paid until', 'paid to', 'paid up to', 'paid up until', 'expiry', 'expiry date',
    'expires', 'expires on', 'expiration', 'expiration date', 'valid until', 'valid through', 'renewal date',
    'renewal due', 'membership expiry', 'dues paid through', "payé jusqu'au", "à jour jusqu'au",
    "cotisation jusqu'au", "valable jusqu'au", "date d'expiration", 'échéance', "date d'échéance",
    "fin d'adhésion", 'fin de validité', 'pagado hasta', 'válido hasta', 'vencimiento',
    'fecha de vencimiento', 'fecha de caducidad', 'cuota hasta', 'pago até', 'válido até', 'validade',
    'vencimento', 'data de vencimento', 'data de validade',
  ],
  notes: [
    'notes', 'note', 'comments', 'comment', 'remarks', 'remark', 'observations', 'memo', 'remarques',
    'remarque', 'commentaire', 'commentaires', 'notas', 'nota', 'comentarios', 'comentario', 'observaciones',
    'observações', 'comentários', 'obs',
  ],
};

/**
 * Words that mean "name" alone. Their meaning depends on the other columns: French "Nom" beside
 * "Prénom" is the family name, Spanish "Nombre" beside "Apellidos" is the given name, and either
 * alone is the whole name.
 */
const FAMILY_NAME_WORDS = new Set(['nom', 'noms']);
const GIVEN_NAME_WORDS = new Set(['name', 'names', 'nombre', 'nombres', 'nome', 'nomes']);

/** Last resort, for headers such as "Adresse e-mail perso" or "Téléphone du contact"; matched on whole words. */
const KEYWORDS: ReadonlyArray<[RegExp, ImportField]> = [
  [/\b(e ?mail|mail|courriel|correo)\b/, 'email'],
  [/\b(telephon\w*|telefon\w*|phone|mobile|celular|portable|gsm|whatsapp)\b/, 'phone'],
  [/\b(prenoms?|first ?names?|given ?names?)\b/, 'firstName'],
  [/\b(surnames?|last ?names?|family ?names?|apellidos?|sobrenomes?)\b/, 'lastName'],
  [/\b(full ?name|nom complet|nombre completo|nome completo)\b/, 'fullName'],
  [/\b(country|pays|pais)\b/, 'country'],
  [/\b(city|ville|ciudad|cidade)\b/, 'city'],
  [/\b(postal code|postcode|zip|code postal|codigo postal|cep)\b/, 'postalCode'],
  [/\b(address|adresse|direccion|endereco|morada|domicilio)\b/, 'addressLine1'],
  [/\bnumber (member|membre|adherent|socio|membro|associado)\b|\bmember(ship)? number\b/, 'memberNumber'],
];

function keywordField(header: string): ImportField | null {
  const words = headerWords(header).join(' ');
  return KEYWORDS.find(([pattern]) => pattern.test(words))?.[1] ?? null;
}

const NUMBER_WORDS = new Set(['n', 'no', 'nr', 'nro', 'num', 'numero', 'number', 'nb', 'nbr']);
// prettier-ignore
const SMALL_WORDS = new Set([
  'de', 'du', 'd', 'des', 'la', 'le', 'l', 'les', 'el', 'los', 'las', 'do', 'da', 'dos', 'das', 'of', 'the',
  'a', 'en', 'em', 'et', 'y', 'e', 'and', 'your', 'votre', 'su', 'seu', 'sua',
]);

/** A header's meaningful words: folded, "N°"/"#"/"No." read as "number", small words such as "de" or "of" dropped. */
function headerWords(header: string): string[] {
  const marked = header
    .toLowerCase()
    // NFKD would turn the "º" of "Nº" into a stray "o".
    .replace(/#|\bn\s*\.?\s*[º°]/g, ' number ');
  const words = foldText(marked).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !SMALL_WORDS.has(w)).map((w) => (NUMBER_WORDS.has(w) ? 'number' : w));
}

/**
 * A header reduced to what identifies it: "N° d'adhérent", "Numéro adhérent" and "no. adherent"
 * all become "numberadherent"; "E-mail", "EMAIL" and "e mail" all become the same key.
 */
export function headerKey(header: string): string {
  return headerWords(header).join('');
}

const ALIAS_INDEX: ReadonlyMap<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    for (const alias of ALIASES[field]) {
      const key = headerKey(alias);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
})();

type NameWord = 'family' | 'given';

function nameWord(header: string): NameWord | null {
  const key = headerKey(header);
  if (FAMILY_NAME_WORDS.has(key)) return 'family';
  if (GIVEN_NAME_WORDS.has(key)) return 'given';
  return null;
}

/** The field a header names on its own, if any; ambiguous "name" words count as a name column. */
export function matchHeader(header: string): ImportField | null {
  const key = headerKey(header);
  if (!key) return null;
  const exact = ALIAS_INDEX.get(key);
  if (exact) return exact;
  if (nameWord(header)) return 'fullName';
  return keywordField(header);
}

/**
 * The automatic mapping: exact names first, then keywords, then the "name" words by context. A
 * field is given to one column only (the first), except notes, which can gather several columns.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const fields: Array<ImportField | null> = headers.map(() => null);
  const taken = new Set<ImportField>();
  const assign = (index: number, field: ImportField): void => {
    if (fields[index] !== null || (taken.has(field) && field !== 'notes')) return;
    fields[index] = field;
    taken.add(field);
  };

  headers.forEach((header, i) => {
    const field = ALIAS_INDEX.get(headerKey(header));
    if (field) assign(i, field);
  });
  headers.forEach((header, i) => {
    const field = nameWord(header) ? null : keywordField(header);
    if (field) assign(i, field);
  });
  // Last, with every other column known, the bare "name" words.
  headers.forEach((header, i) => {
    const word = nameWord(header);
    if (!word || fields[i] !== null) return;
    const hasFirst = taken.has('firstName');
    const hasLast = taken.has('lastName');
    if (!hasFirst && !hasLast && !taken.has('fullName')) assign(i, 'fullName');
    else if (word === 'family' && hasFirst && !hasLast) assign(i, 'lastName');
    else if (word === 'given' && hasLast && !hasFirst) assign(i, 'firstName');
  });
  return buildMapping(headers, fields);
}

/** A mapping from explicit choices, e.g. the wizard's dropdowns or a mapping remembered under `key`. */
export function buildMapping(
  headers: readonly string[],
  fields: ReadonlyArray<ImportField | null>,
): ColumnMapping {
  return {
    key: mappingKey(headers),
    columns: headers.map((header, index) => ({
      index,
      header,
      label: header.trim() || `Column ${columnLetter(index)}`,
      field: fields[index] ?? null,
    })),
  };
}

export function mappingKey(headers: readonly string[]): string {
  const normalised = headers.map((h) => foldText(h).replace(/\s+/g, ' '));
  while (normalised.length > 0 && normalised[normalised.length - 1] === '') normalised.pop();
  return createHash('sha256').update(normalised.join('\u001f')).digest('hex').slice(0, 16);
}

/** What the wizard should point out before importing with this mapping. */
export function checkMapping(mapping: ColumnMapping): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const byField = new Map<ImportField, MappedColumn[]>();
  for (const column of mapping.columns) {
    if (column.field) byField.set(column.field, [...(byField.get(column.field) ?? []), column]);
  }
  for (const [field, columns] of byField) {
    if (field === 'notes' || columns.length < 2) continue;
    issues.push({
      code: 'duplicate_field',
      message: `${columns.map((c) => `“${c.label}”`).join(' and ')} are all set to ${FIELD_LABELS[field]}; only the first one will be used.`,
      columns: columns.map((c) => c.index),
    });
  }
  const identifies = ['firstName', 'lastName', 'fullName', 'email'] as const;
  if (!identifies.some((f) => byField.has(f))) {
    issues.push({
      code: 'no_name_or_email',
      message: 'No column is set to a name or an email, so no row can be imported. Choose at least one.',
      columns: [],
    });
  }
  return issues;
}
