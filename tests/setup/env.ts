// Environment for tests that import the app's modules directly. Set before any module reads
// config() (it is parsed once, on first use).
process.env.AUTH_SECRET ??= "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
process.env.APP_URL = "http://localhost:3000";
// Tests choose their client IP through X-Forwarded-For, as a trusted proxy would set it.
process.env.TRUST_PROXY = "1";
if (process.env.TEST_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = "memory://";
}
