/**
 * The constants of libvirt's RPC wire protocol (`src/rpc/virnetprotocol.x`, `virkeepaliveprotocol.x`),
 * named as libvirt names them. libvirt calls the protocol internal: what is here is pinned by tests
 * against the real daemon.
 * @internal
 */
export const REMOTE_PROGRAM = 0x20008086;
/** @internal */
export const REMOTE_PROTOCOL_VERSION = 1;
/** The keepalive program ("keep"): PING and PONG as MESSAGE packets with empty bodies. @internal */
export const KEEPALIVE_PROGRAM = 0x6b656570;
/** @internal */
export const KEEPALIVE_PROTOCOL_VERSION = 1;
/** @internal */
export const KEEPALIVE_PROC_PING = 1;
/** @internal */
export const KEEPALIVE_PROC_PONG = 2;

/** `virNetMessageType`. @internal */
export const MessageType = {
  CALL: 0,
  REPLY: 1,
  MESSAGE: 2,
  STREAM: 3,
  CALL_WITH_FDS: 4,
  REPLY_WITH_FDS: 5,
} as const;
/** `virNetMessageStatus`. @internal */
export const MessageStatus = { OK: 0, ERROR: 1, CONTINUE: 2 } as const;

/** Bytes of the length word and of the header that follows it. @internal */
export const LENGTH_BYTES = 4;
/** @internal */
export const HEADER_BYTES = 24;

/**
 * The largest packet we accept: libvirt ≥ 5.x allows 32 MiB messages (VIR_NET_MESSAGE_MAX); older
 * daemons 16 MiB. A length word past this is a corrupt or hostile stream, not a big reply.
 * @internal
 */
export const MAX_PACKET_BYTES = 32 * 1024 * 1024 + LENGTH_BYTES;
