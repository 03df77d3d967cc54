/**
 * Rebuilds resources/charges/groups.json from the team's reference data, outside the repository:
 *
 *   node bin/run-ts.mjs scripts/derive-charge-groups.ts ../shared/data/charges.csv
 *
 * See scripts/charge-groups-derivation.ts for the rules and resources/charges/README.md for the result.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { deriveChargeGroups } from './charge-groups-derivation.ts'

const source = path.resolve(process.argv[2] ?? '../shared/data/charges.csv')
const bytes = fs.readFileSync(source)
const sha256 = createHash('sha256').update(bytes).digest('hex')
const result = deriveChargeGroups(bytes.toString('utf8'), sha256)
const target = path.resolve('resources/charges/groups.json')
fs.writeFileSync(target, JSON.stringify(result, null, 1) + '\n')
console.log(`${target}: ${result.charges.length} 个罪名，${result.groups.length} 个罪名类别`)
