  class __PicoFragment { handleSubmit(event) {
    event.preventDefault();
    const { email, password } = this.state;
    this.props.login(email, password);
  }

  render() {
    return (
      <form onSubmit={this.handleSubmit}>
        <input value={this.state.email} onChange={e => this.setState({ email: e.target.value })} />
      </form>
    );
  }
}
