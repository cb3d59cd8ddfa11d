// Node's CommonJS entry: the wasm is read from disk and instantiated
// synchronously when this module loads.
'use strict';
const raw = require('../pkg/node.cjs');
const { wrap } = require('../pkg/wrap.cjs');

module.exports = wrap(raw);
