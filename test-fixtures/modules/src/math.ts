export interface Pair { a: number; b: number }
export function add({ a, b }: Pair): number {
  return a + b;
}
export const PI_ISH: number = 3.14;
