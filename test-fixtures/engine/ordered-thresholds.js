if (isActive) {
  if (orderTotal >= displayThreshold) {
    if (!(orderTotal >= spendThreshold)) {
      console.log('spend', spendThreshold - orderTotal, 'more');
    }
  }
}
