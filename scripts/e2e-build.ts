// The browser tests' production build on its own, so `npm test` (scripts/test-all.sh) can start it
// while other layers run; the e2e global setup then finds it up to date and reuses it.
import build from "../tests/setup/e2e-build";

build();
