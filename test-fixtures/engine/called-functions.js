const total = calculateTotal(order.items);
const label = formatPrice(total);
console.log('Total:', label);
const valid = validateEmail(form.email);
if (valid) {
  submit(form);
}
console.log('done');
