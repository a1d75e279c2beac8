  name: 'pico',
  version: '1.0.0',
  greet(who) {
    return `${this.name} says hi to ${who}`;
  },
