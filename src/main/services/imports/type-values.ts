import type { MembershipKind } from '../../../shared/dues/status';
import type { ImportTypeChoice, ImportTypeSource } from '../../../shared/imports';
import type { MembershipType } from '../../../shared/payments';
import { foldText } from '../../../shared/text';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';

/**
 * What a membership category is called in English, French, Spanish and Portuguese, per kind, so
 * that "Étudiant" in a file finds the chapter's "Student" and "Honoraire" its "Honorary". Compared
 * after `typeKey`, so case, accents, plurals and words such as "member" or "d'" do not matter.
 */
// prettier-ignore
const KIND_WORDS: Record<MembershipKind, readonly string[]> = {
  individual: [
    'individual', 'regular', 'ordinary', 'standard', 'individuel', 'individuelle', 'ordinaire',
    'individuo', 'ordinario', 'ordinário',
  ],
  student: [
    'student', 'reduced', 'étudiant', 'étudiante', 'tarif réduit', 'réduit', 'estudiante', 'reducido',
    'estudante', 'reduzido',
  ],
  family: ['family', 'famille', 'familial', 'familia', 'familiar', 'família'],
  organisation: [
    'organisation', 'organization', 'institution', 'institutional', 'corporate', 'company', 'organisme',
    'institutionnel', 'personne morale', 'entreprise', 'organización', 'institucional', 'empresa',
    'entidad', 'organização', 'entidade', 'instituição',
  ],
  honorary: [
    'honorary', 'honour', 'honor', 'honoraire', 'honneur', 'honorario', 'honorífico', 'honorário',
    'honra',
  ],
  lifetime: ['lifetime', 'life', 'à vie', 'vie', 'perpétuel', 'vitalicio', 'perpetuo', 'vitalício', 'perpétuo'],
};

/** Words a category name carries besides what it is: "Membre d'honneur" is "honneur". */
// prettier-ignore
const FILLER = new Set([
  'member', 'membership', 'type', 'category', 'rate', 'membre', 'adherent', 'adhesion', 'cotisation',
  'categorie', 'tarif', 'socio', 'socia', 'miembro', 'tipo', 'categoria', 'cuota', 'membro', 'associado',
  'socia', 'de', 'd', 'du', 'des', 'la', 'le', 'l', 'a', 'of', 'the', 'el', 'los', 'las', 'do', 'da', 'dos',
  'das', 'en', 'em', 'et', 'y', 'e', 'and',
]);

/**
 * A category reduced to what identifies it: folded, filler words dropped, each word singular.
 * "Membres d'honneur", "HONNEUR" and "honneur" are the same key; a name of filler words alone
 * keeps them, so "Membre" is still a key of its own.
 */
export function typeKey(value: string): string {
  const words = foldText(value).match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept = words.filter((w) => !FILLER.has(singular(w)) && !FILLER.has(w));
  return (kept.length > 0 ? kept : words).map(singular).join(' ');
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const KIND_BY_KEY: ReadonlyMap<string, MembershipKind> = new Map(
  Object.entries(KIND_WORDS).flatMap(([kind, words]) =>
    words.map((word) => [typeKey(word), kind as MembershipKind] as const),
  ),
);

/** The kind a category's name says in one of our languages, or null ("Gold", "Bienfaiteur"). */
export function kindOfName(value: string): MembershipKind | null {
  return KIND_BY_KEY.get(typeKey(value)) ?? null;
}

export interface TypeMatch {
  /** The type the value names, among those still given; null when none or several do. */
  type: MembershipType | null;
  /** A retired type the value names, when no type still given does. */
  retired: MembershipType | null;
}

/**
 * The chapter's type a file's value names: the same name (ignoring case, accents, plurals and
 * filler words), else a name of the same kind in another of our languages. Two types still given
 * that fit equally are not guessed between.
 */
export function matchTypeName(value: string, types: readonly MembershipType[]): TypeMatch {
  const folded = foldText(value);
  const key = typeKey(value);
  const kind = KIND_BY_KEY.get(key);
  const tiers: ((t: MembershipType) => boolean)[] = [
    (t) => foldText(t.name) === folded,
    (t) => typeKey(t.name) === key,
    (t) => kind !== undefined && KIND_BY_KEY.get(typeKey(t.name)) === kind,
  ];
  for (const fits of tiers) {
    const found = types.filter(fits);
    if (found.length === 0) continue;
    const given = found.filter((t) => !t.retired);
    if (given.length === 1) return { type: given[0]!, retired: null };
    if (given.length > 1) return { type: null, retired: null };
    return { type: null, retired: found[0]! };
  }
  return { type: null, retired: null };
}

/** The choices made in earlier imports of this chapter: value key -> type id (null: no type). */
export function rememberedTypeChoices(db: Db): Map<string, string | null> {
  const rows = statement(db, `SELECT value_key, type_id FROM import_type_choices`).all() as {
    value_key: string;
    type_id: string | null;
  }[];
  return new Map(rows.map((r) => [r.value_key, r.type_id]));
}

/** Remembers what values stand for, so a later import of the same values needs no choosing. */
export function rememberTypeChoices(
  db: Db,
  choices: readonly { value: string; typeId: string | null }[],
  now: Date,
): void {
  const upsert = statement(
    db,
    `INSERT INTO import_type_choices (value_key, type_id, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (value_key) DO UPDATE SET type_id = excluded.type_id, updated_at = excluded.updated_at`,
  );
  for (const choice of choices) upsert.run(typeKey(choice.value), choice.typeId, now.toISOString());
}

export interface TypeResolution {
  typeId: string | null;
  /** null: nothing matched. */
  source: ImportTypeSource | null;
  /** A retired type the value names (its rows get no type). */
  retired: MembershipType | null;
}

/**
 * Resolves the values of a file's type column, each distinct value once: the secretary's choice
 * for it, else a type created for it, else what an earlier import remembered (unless that type is
 * gone or retired since), else a type of that name.
 */
export function typeResolver(
  types: readonly MembershipType[],
  options: {
    choices?: readonly ImportTypeChoice[];
    created?: ReadonlyMap<string, string>;
    remembered?: ReadonlyMap<string, string | null>;
  },
): (value: string) => TypeResolution {
  const byId = new Map(types.map((t) => [t.id, t]));
  const chosen = new Map((options.choices ?? []).map((c) => [typeKey(c.value), c.typeId]));
  const cache = new Map<string, TypeResolution>();
  const resolve = (value: string, key: string): TypeResolution => {
    if (chosen.has(key)) {
      const typeId = chosen.get(key) ?? null;
      return { typeId, source: typeId ? 'chosen' : 'none', retired: null };
    }
    const created = options.created?.get(key);
    if (created) return { typeId: created, source: 'created', retired: null };
    if (options.remembered?.has(key)) {
      const typeId = options.remembered.get(key) ?? null;
      const type = typeId ? byId.get(typeId) : undefined;
      if (typeId === null) return { typeId: null, source: 'remembered', retired: null };
      if (type && !type.retired) return { typeId, source: 'remembered', retired: null };
      if (type) return { typeId: null, source: null, retired: type };
    }
    const match = matchTypeName(value, types);
    return match.type
      ? { typeId: match.type.id, source: 'name', retired: null }
      : { typeId: null, source: null, retired: match.retired };
  };
  return (value) => {
    const key = typeKey(value);
    let found = cache.get(key);
    if (!found) cache.set(key, (found = resolve(value, key)));
    return found;
  };
}
