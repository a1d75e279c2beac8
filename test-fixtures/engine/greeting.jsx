function Greeting({ name }) {
  console.log('greeting', name);
  return <p className="greeting">Hello, {name}</p>;
}

const element = <Greeting name="Ada" />;
console.log(element.type);
