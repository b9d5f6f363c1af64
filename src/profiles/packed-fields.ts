// Packed numeric storage of one profile: every counter, running moment, histogram and sketch
// counter lives in one Uint32Array, a view over a slab shared by many profiles. Each typed array
// of its own costs about 190 bytes of object and buffer headers, and each object field holding a
// non-integer a boxed heap number, so a profile built from separate arrays and fields took over
// 3 KB of heap; packed, well under half. 64-bit floats use two slots, converted through one
// shared scratch buffer.

const scratchF = new Float64Array(1);
const scratchU = new Uint32Array(scratchF.buffer);

/** Reads the float64 stored at slots i, i+1. */
export function getF64(u: Uint32Array, i: number): number {
  scratchU[0] = u[i]!;
  scratchU[1] = u[i + 1]!;
  return scratchF[0]!;
}

/** Stores a float64 at slots i, i+1. */
export function setF64(u: Uint32Array, i: number, v: number): void {
  scratchF[0] = v;
  u[i] = scratchU[0]!;
  u[i + 1] = scratchU[1]!;
}

/**
 * Defines a number accessor on `proto` for each name, reading slot `base + 2k` (float64) or
 * `base + k` (uint32) of the instance's `u` array; returns the next free slot.
 */
export function defineFields(
  proto: object,
  names: readonly string[],
  base: number,
  kind: "f64" | "u32",
): number {
  names.forEach((name, k) => {
    const i = kind === "f64" ? base + 2 * k : base + k;
    Object.defineProperty(proto, name, {
      configurable: false,
      enumerable: false,
      get:
        kind === "f64"
          ? function (this: { u: Uint32Array }) {
              return getF64(this.u, i);
            }
          : function (this: { u: Uint32Array }) {
              return this.u[i]!;
            },
      set:
        kind === "f64"
          ? function (this: { u: Uint32Array }, v: number) {
              setF64(this.u, i, v);
            }
          : function (this: { u: Uint32Array }, v: number) {
              this.u[i] = v;
            },
    });
  });
  return kind === "f64" ? base + 2 * names.length : base + names.length;
}
