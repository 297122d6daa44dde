/** Version of the page ⇄ worker protocol: every message carries it as `v`. */
export const PROTOCOL_VERSION = 1 as const;
export type ProtocolVersion = typeof PROTOCOL_VERSION;
