function slugify(text) {
  return text.toLowerCase().replace(/\s+/g, '-');
}

const double = (n) => n * 2;

class Cart {
  constructor(owner) {
    this.owner = owner;
    this.items = [];
  }
  add(item) {
    this.items.push(item);
    return this.items.length;
  }
  get count() {
    return this.items.length;
  }
}
