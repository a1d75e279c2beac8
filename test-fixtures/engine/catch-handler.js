loadConfig()
  .then((config) => console.log('loaded', Object.keys(config).length > 0))
  .catch((err) => console.error('could not load config:', err.message));
