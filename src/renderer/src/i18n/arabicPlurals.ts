/**
 * A catalogue's shape in Arabic: every key English has, and where English has `x_one`/`x_other`,
 * Arabic also has `x_zero`, `x_two`, `x_few` and `x_many`, the forms its plural rules choose
 * (Intl.PluralRules('ar')). Required, so a count never falls back to a form that reads wrongly.
 */
export type ArabicPlurals<T> = {
  [K in keyof T]: T[K] extends string ? string : ArabicPlurals<T[K]>;
} & {
  [
    K in keyof T as K extends `${infer Base}_other`
      ? `${Base}_zero` | `${Base}_two` | `${Base}_few` | `${Base}_many`
      : never
  ]: string;
};
