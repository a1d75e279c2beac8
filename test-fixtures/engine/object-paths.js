const port = config.server.port;
const host = config.server.host;
console.log(`listening on ${host}:${port}`);
const city = user.address.city.toUpperCase();
console.log(city);
if (settings.features.darkMode) {
  console.log('dark mode on');
}
