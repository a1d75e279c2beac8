const active = users.filter(isActive).map(toLabel);
active.forEach(show);
console.log(active.length, 'shown');
