// A validation guard: the assumed quantity must not trip it.
if (quantity > 100) {
  throw new RangeError('quantity too large');
}
const subtotal = quantity * 2;
console.log('subtotal', subtotal);
