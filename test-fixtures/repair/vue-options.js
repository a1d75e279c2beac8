methods: {
  async fetchUsers() {
    const { data } = await axios.get('/users');
    this.users = data;
  },
  remove(id) {
    this.users = this.users.filter(u => u.id !== id);
  }
},
computed: {
  count() { return this.users.length; }
}
