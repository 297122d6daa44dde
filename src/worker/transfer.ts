/**
 * The transfer list of a message: the buffer of every typed array in it, found by walking the
 * message, so a field added to a snapshot is moved, not copied, without a list to keep up to date.
 * Every typed array in a message must therefore be a fresh copy that the sender gives up: never a
 * view of the trainer's workspace (transferring would detach it) and never a subarray of a buffer
 * that holds anything else.
 */
export function transferables(msg: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const walk = (x: unknown): void => {
    if (typeof x !== 'object' || x === null) return;
    if (ArrayBuffer.isView(x)) {
      // A SharedArrayBuffer (not one of ours) is shared, never transferred.
      if (x.buffer instanceof ArrayBuffer) found.add(x.buffer);
      return;
    }
    if (Array.isArray(x)) {
      // Plain number arrays (weights) hold no buffers: skip them without visiting every entry.
      if (typeof x[0] !== 'number') x.forEach(walk);
      return;
    }
    Object.values(x).forEach(walk);
  };
  walk(msg);
  return [...found];
}
