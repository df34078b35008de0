/**
 * The shape another language must have: every key of the English catalogue, each a string (or a
 * list of strings). A key missing from `ar`, or one `en` does not have, fails the type check.
 */
export type Catalogue<T> = T extends string
  ? string
  : T extends readonly (infer E)[]
    ? Catalogue<E>[]
    : { [K in keyof T]: Catalogue<T[K]> };
