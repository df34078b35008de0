import "server-only";

/** Placeholder until previews are made (next commit). */
export function queueThumbnail(recordId: string): void {
  void recordId;
}
