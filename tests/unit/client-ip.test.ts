import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIp, ENTRY_MARKER, ipBucket, normaliseIp } from "@/lib/http/client-ip";
import { clientAddress, compileTrust, parseTrustProxy } from "@/lib/runtime/client-address.mjs";

/** What scripts/serve.mjs computes for a socket address + X-Forwarded-For under a TRUST_PROXY value. */
const seen = (trustProxy: string | undefined, socket: string, xff?: string) =>
  clientAddress(socket, xff, compileTrust(parseTrustProxy(trustProxy)));

describe("client address: first untrusted hop from the right (proxy-addr)", () => {
  it("unset: the socket address, whatever X-Forwarded-For claims", () => {
    expect(seen(undefined, "203.0.113.9", "1.2.3.4")).toBe("203.0.113.9");
    expect(seen("0", "203.0.113.9", "1.2.3.4, 5.6.7.8")).toBe("203.0.113.9");
  });

  it("1: the hop the proxy in front of us appended; anything the client wrote to its left is ignored", () => {
    expect(seen("1", "10.0.0.2", "6.6.6.6, 198.51.100.7")).toBe("198.51.100.7");
    expect(seen("1", "10.0.0.2")).toBe("10.0.0.2"); // no header: the proxy itself
  });

  it("2 (CDN + load balancer): the address the CDN saw, not one the client forged", () => {
    // client → CDN (appends client) → LB (appends CDN) → us (socket = LB)
    expect(seen("2", "10.0.0.2", "6.6.6.6, 198.51.100.7, 172.16.5.5")).toBe("198.51.100.7");
  });

  it("a CIDR list: trusted hops are skipped by address, so a peer outside the list cannot forge anything", () => {
    const list = "10.0.0.0/8, 172.16.0.0/12";
    expect(seen(list, "10.0.0.2", "6.6.6.6, 198.51.100.7, 172.16.5.5")).toBe("198.51.100.7");
    // A client connecting directly (not through the proxies) gets its socket address.
    expect(seen(list, "203.0.113.9", "6.6.6.6, 198.51.100.7, 172.16.5.5")).toBe("203.0.113.9");
    // A client that writes a trusted proxy's address into the header gains nothing either.
    expect(seen(list, "10.0.0.2", "198.51.100.7, 10.9.9.9")).toBe("198.51.100.7");
  });

  it("IPv6 and IPv4-mapped addresses", () => {
    expect(seen(undefined, "::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(seen(undefined, "2001:db8::5", "1.2.3.4")).toBe("2001:db8::5");
    expect(seen("2001:db8:ffff::/48", "2001:db8:ffff::1", "2001:db8:1:2::99")).toBe("2001:db8:1:2::99");
  });
});

describe("rate-limit buckets", () => {
  it("an IPv6 client is its /64: every address in it shares one bucket", () => {
    const a = ipBucket("2001:db8:1:2:aaaa::1");
    expect(a).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(a);
    expect(ipBucket("2001:0db8:0001:0002::9")).toBe(a);
    expect(ipBucket("2001:db8:1:3::1")).not.toBe(a);
  });

  it("an IPv4 client is its own address", () => {
    expect(ipBucket("198.51.100.7")).toBe("198.51.100.7");
    expect(ipBucket("198.51.100.8")).toBe("198.51.100.8");
  });

  it("normalises the displayed address, and refuses what is not an address", () => {
    expect(normaliseIp("::FFFF:198.51.100.7")).toBe("198.51.100.7");
    expect(normaliseIp("2001:DB8:0:0::1")).toBe("2001:db8::1");
    expect(normaliseIp("<script>")).toBe("");
  });
});

describe("clientIp(request)", () => {
  const req = (headers: Record<string, string>) => new Request("http://x/", { headers });
  afterEach(() => {
    delete process.env[ENTRY_MARKER];
  });

  it("behind scripts/serve.mjs: reads only the private header the entry wrote", () => {
    process.env[ENTRY_MARKER] = "serve";
    expect(clientIp(req({ [CLIENT_IP_HEADER]: "198.51.100.7", "x-forwarded-for": "6.6.6.6" }))).toBe("198.51.100.7");
    expect(clientIp(req({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
  });

  it("without the entry (handlers called in-process): the private header is ignored, TRUST_PROXY=1 reads the last hop", () => {
    // tests/helpers/setup-env.ts sets TRUST_PROXY=1.
    expect(clientIp(req({ [CLIENT_IP_HEADER]: "6.6.6.6", "x-forwarded-for": "1.1.1.1, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(req({ "x-forwarded-for": "2001:DB8::7" }))).toBe("2001:db8::7");
    expect(clientIp(req({ "x-forwarded-for": "garbage" }))).toBe("local");
  });
});
