import _ from 'lodash';
import { format } from 'date-fns';
const axios = require('axios');

const chunks = _.chunk([1, 2, 3, 4], 2);
console.log('chunked');
const when = format(new Date(), 'yyyy-MM-dd');
console.log('formatted');
axios.get('https://example.com').then(res => console.log('status', typeof res.status));
