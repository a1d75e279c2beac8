// The catch block runs only when the assumed function throws.
function safeDecode(text) {
  try {
    return decode(text);
  } catch (error) {
    console.log('could not decode');
    return text;
  }
}
console.log(safeDecode(input));
