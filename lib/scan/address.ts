import "server-only";

/**
 * `CLAMD_URL` (docs/RULES.md "Configuration"): where the ClamAV daemon listens — `tcp://host:port` or
 * `unix:/path/to/clamd.sock` (also `unix:///path`). lib/config.ts parses it at start-up.
 */
export type ClamdAddress = { host: string; port: number } | { path: string };

export const CLAMD_URL_RULE = "must be tcp://host:port or unix:/path/to/clamd.sock";

export function parseClamdUrl(value: string): ClamdAddress {
  const unix = /^unix:(?:\/\/)?(\/[^\0]+)$/.exec(value.trim());
  if (unix) return { path: unix[1]! };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(CLAMD_URL_RULE);
  }
  const port = Number(url.port);
  if (url.protocol !== "tcp:" || !url.hostname || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(CLAMD_URL_RULE);
  if ((url.pathname && url.pathname !== "/") || url.search || url.username) throw new Error(CLAMD_URL_RULE);
  // URL keeps IPv6 literals in brackets; net.connect wants them bare.
  return { host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port };
}
