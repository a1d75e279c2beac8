function statusFor(headers) {
  const names = Object.keys(headers).map((name) => name.toLowerCase());
  if (!names.includes('authorization')) return 401;
  console.log('authorised');
  return 200;
}
console.log(statusFor(requestHeaders));
