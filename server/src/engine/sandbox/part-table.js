// Pico prelude part 'table': console.table, drawn as Node 20 draws it. No library draws Node's table, so this is
// a port of Node's own code (lib/internal/console/constructor.js `table`, lib/internal/cli_table.js); cells are
// formatted with Node's util.inspect (part 'inspect').

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { need } = I.core;
  const { nodeInspect, getStringWidth } = need('inspect');
  const chars = {
    middleMiddle: '─', rowMiddle: '┼', topRight: '┐', topLeft: '┌', leftMiddle: '├', topMiddle: '┬', bottomRight: '┘',
    bottomLeft: '└', bottomMiddle: '┴', rightMiddle: '┤', left: '│ ', right: ' │', middle: ' │ ',
  };
  /** @param {string[]} row @param {number[]} widths */
  function renderRow(row, widths) {
    let out = chars.left;
    for (let i = 0; i < row.length; i++) {
      // Node 20.12+ aligns cells left (earlier versions centred them).
      out += row[i] + ' '.repeat(widths[i] - getStringWidth(row[i]));
      if (i !== row.length - 1) out += chars.middle;
    }
    return out + chars.right;
  }
  /** @param {string[]} head @param {string[][]} columns */
  function render(head, columns) {
    /** @type {string[][]} */
    const rows = [];
    const widths = head.map((h) => getStringWidth(h));
    const longest = Math.max(...columns.map((c) => c.length));
    for (let i = 0; i < head.length; i++) {
      const column = columns[i];
      for (let j = 0; j < longest; j++) {
        if (rows[j] === undefined) rows[j] = [];
        const value = (rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '');
        widths[i] = Math.max(widths[i] || 0, getStringWidth(value));
      }
    }
    const divider = widths.map((w) => chars.middleMiddle.repeat(w + 2));
    let result = chars.topLeft + divider.join(chars.topMiddle) + chars.topRight + '\n' + renderRow(head, widths) + '\n'
      + chars.leftMiddle + divider.join(chars.rowMiddle) + chars.rightMiddle + '\n';
    for (const row of rows) result += renderRow(row, widths) + '\n';
    return result + chars.bottomLeft + divider.join(chars.bottomMiddle) + chars.bottomRight;
  }
  /** @param {unknown} v */
  const cell = (v) => {
    const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
    return nodeInspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
  };
  /** @param {number} length */
  const indexes = (length) => Array.from({ length }, (_, i) => cell(i));

  /** The text console.table prints for an object (Node's console.table minus the Map/Set iterator previews). */
  function table(/** @type {any} */ data, /** @type {string[] | undefined} */ properties) {
    if (data instanceof Map) {
      const keys = [];
      const values = [];
      for (const [k, v] of data) { keys.push(cell(k)); values.push(cell(v)); }
      return render(['(iteration index)', 'Key', 'Values'], [indexes(keys.length), keys, values]);
    }
    if (data instanceof Set) {
      const values = Array.from(data, cell);
      return render(['(iteration index)', 'Values'], [indexes(values.length), values]);
    }
    /** @type {Record<string, string[]>} */
    const map = Object.create(null);
    let hasPrimitives = false;
    /** @type {string[]} */
    const primitiveValues = [];
    const indexKeys = Object.keys(data);
    for (let i = 0; i < indexKeys.length; i++) {
      const item = data[indexKeys[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        primitiveValues[i] = cell(item);
      } else {
        for (const key of properties || Object.keys(item)) {
          map[key] = map[key] || [];
          map[key][i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key) ? '' : cell(item[key]);
        }
      }
    }
    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) { keys.push('Values'); values.push(primitiveValues); }
    keys.unshift('(index)');
    values.unshift(indexKeys);
    return render(keys, values);
  }
  I.table = table;
}
