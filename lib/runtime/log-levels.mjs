// LOG_LEVEL's values, apart from the logger so that config.ts (imported by proxy.ts and pages) can
// validate the variable without loading pino.
export const LOG_LEVELS = /** @type {const} */ (["debug", "info", "warn", "error"]);
