/**
 * Runs once when the server starts: validate the configuration and open + migrate the database,
 * so a bad value or an unusable database stops start-up with a clear message (docs/RULES.md "Configuration").
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./lib/startup");
  await startUp();
}
