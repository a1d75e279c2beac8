import { add, PI_ISH } from '../src/math';
import { toFahrenheit } from 'ts-entry';
console.log(add({ a: 2, b: 3 }), PI_ISH, toFahrenheit(100));
