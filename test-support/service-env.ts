// Reading the variables scripts/services.sh writes to .ecloud/services.env, shared by every package's
// system tests. A missing variable fails the run: system tests never skip.

/** The variable's value; throws, saying how to start the services, when it is missing or empty. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(
      `${name} is not set: run \`bash scripts/services.sh start && source .ecloud/services.env\` first`,
    );
  }
  return value;
}

/** The variable as a TCP port; throws when it is missing or not a port. */
export function requirePort(name: string): number {
  const value = requireEnv(name);
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} is not a TCP port: ${JSON.stringify(value)}`);
  }
  return port;
}
