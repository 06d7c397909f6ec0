// The libvirtd (unix socket and TLS) and sshd that scripts/services.sh starts, as its env file describes
// them. A missing variable fails the run: system tests never skip.

import { requireEnv, requirePort } from '../../../../test-support/service-env.js';

/** Where the test libvirtd and the SSH server in front of it are, and how to reach them. */
export interface KvmEnv {
  /** Absolute path of libvirtd's read-write unix socket (no authentication on it). */
  readonly socket: string;
  /** `test+unix:///default?socket=…`: libvirt's test driver, with its default domain `test`. */
  readonly testUri: string;
  /** `qemu+unix:///system?socket=…`: the QEMU driver (TCG guests, `<domain type='qemu'>`). */
  readonly qemuUri: string;
  /**
   * Two more daemons, as two KVM hosts guests migrate between: session-mode libvirtd of two throwaway
   * users, with distinct host UUIDs; each `uri` is what the other daemon dials (`qemu+unix:///session?socket=…`).
   */
  readonly pair: {
    readonly a: { readonly socket: string; readonly uri: string };
    readonly b: { readonly socket: string; readonly uri: string };
  };
  /** The same libvirtd's TLS listener: loopback only, a client certificate required, no further auth. */
  readonly tls: {
    /** 127.0.0.1: the IP address the daemon's certificate names (with DNS `localhost`). */
    readonly host: string;
    readonly port: number;
    /** Path of the PEM of the throwaway CA that signed the daemon's and the client's certificates. */
    readonly caFile: string;
    /** Path of the client's certificate (PEM), signed by `caFile`'s CA. */
    readonly certFile: string;
    /** Path of the client's private key (PEM, unencrypted). */
    readonly keyFile: string;
    /** Path of an unrelated CA's certificate (the same name as ours) that signed nothing the daemon shows. */
    readonly wrongCaFile: string;
  };
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
    pair: {
      a: { socket: requireEnv('ECLOUD_LIBVIRT_PAIR_A_SOCKET'), uri: requireEnv('ECLOUD_LIBVIRT_PAIR_A_URI') },
      b: { socket: requireEnv('ECLOUD_LIBVIRT_PAIR_B_SOCKET'), uri: requireEnv('ECLOUD_LIBVIRT_PAIR_B_URI') },
    },
    tls: {
      host: requireEnv('ECLOUD_LIBVIRT_TLS_HOST'),
      port: requirePort('ECLOUD_LIBVIRT_TLS_PORT'),
      caFile: requireEnv('ECLOUD_LIBVIRT_TLS_CA'),
      certFile: requireEnv('ECLOUD_LIBVIRT_TLS_CERT'),
      keyFile: requireEnv('ECLOUD_LIBVIRT_TLS_KEY'),
      wrongCaFile: requireEnv('ECLOUD_LIBVIRT_TLS_WRONG_CA'),
    },
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
