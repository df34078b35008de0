import { ERROR_MESSAGES } from "@/lib/http/error-codes";

/** Error texts keyed by API error code (lib/http/error-codes.ts), plus the browser's own. */
export const errors = {
  ...ERROR_MESSAGES,
  NETWORK_ERROR: "We could not reach the server. Check your connection and try again.",
};
