// A validation guard: the first guess for quantity trips it, a later one gets past.
if (quantity > 100) {
  throw new RangeError('quantity too large');
}
const subtotal = quantity * 2;
console.log('subtotal', subtotal);
