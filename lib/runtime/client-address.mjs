// Plain JavaScript on purpose: scripts/serve.mjs (run by node without a build) and the app's
// config and client-IP code share this one reading of TRUST_PROXY (docs/RULES.md "Configuration", "Per-IP limit").
import proxyaddr from "proxy-addr";

/**
 * @typedef {{ kind: "none" } | { kind: "hops", hops: number } | { kind: "addresses", addresses: string[] }} TrustSetting
 */

const MAX_HOPS = 20;

/**
 * TRUST_PROXY (docs/RULES.md "Configuration"): unset or `0` → no proxy is trusted (the socket address is the client);
 * a whole number N → the N nearest hops are trusted proxies (`1`: the one in front of us);
 * otherwise a comma list of addresses/CIDRs of trusted proxies (proxy-addr's names `loopback`,
 * `linklocal` and `uniquelocal` work too). Throws an Error whose message says what is wrong.
 * @param {string | undefined} value
 * @returns {TrustSetting}
 */
export function parseTrustProxy(value) {
  const v = (value ?? "").trim();
  if (v === "" || v === "0") return { kind: "none" };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > MAX_HOPS) throw new Error(`must be a hop count from 1 to ${MAX_HOPS}, or a comma list of proxy addresses/CIDRs`);
    return { kind: "hops", hops };
  }
  const addresses = v.split(",").map((s) => s.trim());
  if (addresses.some((a) => a === "")) throw new Error("has an empty entry in its comma list");
  try {
    proxyaddr.compile(addresses);
  } catch (e) {
    throw new Error(`must be a hop count (1, 2, …) or a comma list of proxy addresses/CIDRs (${/** @type {Error} */ (e).message})`);
  }
  return { kind: "addresses", addresses };
}

/**
 * proxy-addr's trust function for a setting: `(address, i)` is called from the socket (i = 0)
 * leftwards through X-Forwarded-For, and the first address it does not trust is the client.
 * @param {TrustSetting} setting
 * @returns {(address: string, i: number) => boolean}
 */
export function compileTrust(setting) {
  if (setting.kind === "hops") return (_address, i) => i < setting.hops;
  if (setting.kind === "addresses") return proxyaddr.compile(setting.addresses);
  return () => false;
}

/**
 * The client's address: the first untrusted hop from the right of socket + X-Forwarded-For
 * (Express's algorithm, via proxy-addr). Entries left of it are whatever the client claimed and
 * are never read. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) comes back as plain IPv4.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined | null} forwardedFor
 * @param {(address: string, i: number) => boolean} trust
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, trust) {
  const socket = { remoteAddress: socketAddress ?? "" };
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const req = { socket, connection: socket, headers: header ? { "x-forwarded-for": header } : {} };
  const address = proxyaddr(/** @type {any} */ (req), trust) ?? "";
  return address.toLowerCase().startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
