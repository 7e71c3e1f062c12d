/* What single choice and multiple select share: the options dealt per student (contract §4). */

import { deal } from '../core/deal.js';
import { query, queryAll } from '../core/util.js';

export function dealOptions(li, host, payload) {
  const list = query(li, '.sb-opts');
  const rows = new Map(queryAll(list, ':scope > li').map((row) => [query(row, 'input').value, row]));
  deal(host.seed, payload.id, payload.options.map((o) => o.id)).forEach((id) => {
    if (rows.has(id)) list.append(rows.get(id));
  });
}
