  async componentDidMount() {
    const res = await fetch(this.props.url);
    const data = await res.json();
    this.setState({ data, loading: false });
    console.log('mounted', this.state.loading);
  }
