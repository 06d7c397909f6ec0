// The libvirtd and sshd that scripts/services.sh starts, as its env file describes them. A missing variable
// fails the run: system tests never skip.

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(
      `${name} is not set: run \`bash scripts/services.sh start && source .ecloud/services.env\` first`,
    );
  }
  return value;
}

function requirePort(name: string): number {
  const value = requireEnv(name);
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} is not a TCP port: ${JSON.stringify(value)}`);
  }
  return port;
}

/** Where the test libvirtd and the SSH server in front of it are, and how to reach them. */
export interface KvmEnv {
  /** Absolute path of libvirtd's read-write unix socket (no authentication on it). */
  readonly socket: string;
  /** `test+unix:///default?socket=…`: libvirt's test driver, with its default domain `test`. */
  readonly testUri: string;
  /** `qemu+unix:///system?socket=…`: the QEMU driver (TCG guests, `<domain type='qemu'>`). */
  readonly qemuUri: string;
  /** sshd in front of the same libvirtd: an SSH connection, then a direct-streamlocal channel to `socket`. */
  readonly ssh: {
    /** 127.0.0.1: sshd listens on loopback only. */
    readonly host: string;
    readonly port: number;
    /** root, who may log in with `keyFile` only. */
    readonly user: string;
    /** Path of the client's private ed25519 key (OpenSSH format, no passphrase). */
    readonly keyFile: string;
    /** Path of a known_hosts file holding the host key for `[host]:port`. */
    readonly knownHostsFile: string;
    /** The host key's fingerprint as `ssh-keygen -lf` prints it: `SHA256:` and unpadded base64. */
    readonly hostKeyFingerprint: string;
  };
}

/** Reads the environment; throws on the first variable that is missing. */
export function kvmEnv(): KvmEnv {
  return {
    socket: requireEnv('ECLOUD_LIBVIRT_SOCKET'),
    testUri: requireEnv('ECLOUD_LIBVIRT_TEST_URI'),
    qemuUri: requireEnv('ECLOUD_LIBVIRT_QEMU_URI'),
    ssh: {
      host: requireEnv('ECLOUD_SSH_HOST'),
      port: requirePort('ECLOUD_SSH_PORT'),
      user: requireEnv('ECLOUD_SSH_USER'),
      keyFile: requireEnv('ECLOUD_SSH_KEY'),
      knownHostsFile: requireEnv('ECLOUD_SSH_KNOWN_HOSTS'),
      hostKeyFingerprint: requireEnv('ECLOUD_SSH_HOST_KEY_FINGERPRINT'),
    },
  };
}
