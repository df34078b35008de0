import type { ReactNode } from "react";

/**
 * The markup a records message may hold (`t.rich`): `<bdi>` around a title, file name or search
 * that keeps its own direction inside the sentence, `<b>` around a person's name (bold, isolated).
 */
export const richTags = {
  bdi: (chunks: ReactNode) => <bdi>{chunks}</bdi>,
  b: (chunks: ReactNode) => <bdi className="font-semibold">{chunks}</bdi>,
};
