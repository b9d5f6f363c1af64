/** a / b, or `whenEmpty` when b is 0: every empty denominator has a stated convention, never NaN. */
export function ratio(a: number, b: number, whenEmpty: number): number {
  return b === 0 ? whenEmpty : a / b;
}
