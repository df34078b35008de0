import { getDb } from "@/lib/db/client";

/** Direct database access for arranging state (e.g. moving a timestamp into the past) and asserting rows. */
export const db = () => getDb();
