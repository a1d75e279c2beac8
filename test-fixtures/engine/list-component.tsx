import React, { useState } from 'react';

interface Props {
  title: string;
  items: string[];
}

export function List({ title, items }: Props) {
  const [open, setOpen] = useState<boolean>(false);
  console.log('render', title, items.length);
  return (
    <div>
      <h1 onClick={() => setOpen(!open)}>{title}</h1>
      {items.map((item) => <li key={item}>{item}</li>)}
    </div>
  );
}
