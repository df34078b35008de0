import { availableParallelism } from "node:os";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";

/**
 * The ceiling for sign-in: how many argon2id verifications per second this machine does with the
 * app's own parameters (lib/auth/passwords.ts), outside the server. @node-rs/argon2 runs on
 * libuv's thread pool (4 threads by default), so keeping 2 × cores calls in flight — at least
 * the pool size — keeps every core busy, which is what a loaded server would do at best.
 * Run before the server starts so the two never compete for the cores.
 */
export type HashLimit = { verifyPerSecond: number; hashPerSecond: number; concurrency: number; cpuMsPerVerify: number };

const POOL = Number(process.env.UV_THREADPOOL_SIZE) || 4;

/** Operations per second, and CPU ms per operation (process-wide: the thread pool included). */
async function rate(seconds: number, concurrency: number, op: () => Promise<unknown>) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await op();
        done++;
      }
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  return { perSecond: done / ((performance.now() - started) / 1000), cpuMs: (user + system) / 1000 / done };
}

export async function measureHashLimit(seconds = 3): Promise<HashLimit> {
  const concurrency = Math.max(POOL, 2 * availableParallelism());
  const password = "bench correct horse battery staple";
  const stored = await hashPassword(password);
  if (!(await verifyPassword(stored, password))) throw new Error("verifyPassword rejected its own hash");
  await rate(0.5, concurrency, () => verifyPassword(stored, password)); // warm-up (thread pool, JIT)
  const verify = await rate(seconds, concurrency, () => verifyPassword(stored, password));
  // Signup hashes instead of verifying; same cost in theory, measured briefly for the signup row.
  const hashed = await rate(Math.max(1, seconds / 2), concurrency, () => hashPassword(password));
  return { verifyPerSecond: verify.perSecond, hashPerSecond: hashed.perSecond, concurrency, cpuMsPerVerify: verify.cpuMs };
}
