import "server-only";

/**
 * How titles, file names and searches are compared (docs/RECORDS.md "Finding records"): compatibility
 * decomposition (NFKD), then every combining mark dropped — Latin accents, and the Arabic harakat
 * U+064B–U+065F and superscript alef U+0670, which are combining marks too and are listed only to
 * say so — then lower case. "ÉCHOGRAPHIE", "echographie" and "échographie" all become "echographie";
 * "مُخْتَبَر" becomes "مختبر". The stored column and the query are folded by this one function, so
 * they cannot disagree; PostgreSQL's `unaccent` would do it in SQL, but PGlite does not ship it.
 */
const MARKS = /[\p{M}\u064B-\u065F\u0670]/gu;
/** Tatweel (U+0640) stretches Arabic letters for layout; it is never part of a word. */
const TATWEEL = /\u0640/g;

export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(MARKS, "").replace(TATWEEL, "").toLowerCase();
}

/** The `search_text` column of a record: title and file name, a line apart so a search never spans both. */
export const recordSearchText = (title: string, filename: string) => `${foldForSearch(title)}\n${foldForSearch(filename)}`;
