/**
 * The rule library shipped in resources/rules/*.json (one file per part of the catalogue, see its
 * README). Read once, checked against the contract's rule schema, ids unique across files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ruleSchema } from '../../../shared/ipc/quality-contract.ts'
import type { Rule } from '../../../shared/quality/rule.ts'
import { projectRoot } from '../project-root.ts'

const fileSchema = z.object({
  title: z.string(),
  rules: z.array(ruleSchema.omit({ source: true })),
})

const cache = new Map<string, Rule[]>()

export function libraryDir(): string {
  return path.join(projectRoot(), 'resources', 'rules')
}

/** Every library rule, in file order (files sorted by name). Throws on a malformed file: a build error. */
export function loadLibrary(dir = libraryDir()): readonly Rule[] {
  let rules = cache.get(dir)
  if (rules) return rules
  rules = []
  const seen = new Set<string>()
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))
    if (!parsed.success) throw new Error(`规则库文件 ${file} 格式不正确：${parsed.error.message}`)
    for (const rule of parsed.data.rules) {
      if (seen.has(rule.id)) throw new Error(`规则库中规则编号 ${rule.id} 重复（${file}）`)
      seen.add(rule.id)
      rules.push({ ...rule, source: 'library' })
    }
  }
  cache.set(dir, rules)
  return rules
}

export function libraryRule(id: string): Rule | undefined {
  return loadLibrary().find((rule) => rule.id === id)
}
