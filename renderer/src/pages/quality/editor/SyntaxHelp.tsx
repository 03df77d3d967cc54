/**
 * Syntax help beside the condition: the operators analysts use most and every function of the
 * expression language with its Chinese description and example. Clicking inserts it at the caret.
 */
import { describeFunctions } from '../../../../../shared/expr/index.ts'
import { functionSnippet } from './snippets.ts'
import type { Snippet } from './snippets.ts'

/** Computed once: the list is static. */
const FUNCTIONS = describeFunctions()

const OPERATORS: readonly { text: string; hint: string }[] = [
  { text: '且', hint: '两个条件都成立' },
  { text: '或', hint: '任一条件成立' },
  { text: '非', hint: '条件不成立' },
  { text: '为空', hint: '字段为空：审结日期 为空' },
  { text: '不为空', hint: '字段有值' },
  { text: '属于', hint: "取值属于列表：前科 属于 ('无', '')" },
  { text: '包含', hint: "文本或多值包含：应当逮捕情形 包含 '曾经故意犯罪'" },
  { text: '介于', hint: '介于 a 和 b 之间：作案时年龄 介于 14 和 18' },
  { text: '匹配', hint: '正则表达式匹配' },
  { text: '<>', hint: '不等于' },
]

export function SyntaxHelp({
  onInsert,
  disabled,
}: {
  onInsert: (snippet: Snippet) => void
  disabled: boolean
}) {
  return (
    <div className="syntax-help" data-testid="syntax-help">
      <div className="operator-row">
        {OPERATORS.map((op) => (
          <button
            key={op.text}
            type="button"
            className="chip"
            title={op.hint}
            disabled={disabled}
            onClick={() => onInsert({ text: `${op.text} ` })}
          >
            {op.text}
          </button>
        ))}
      </div>
      <ul className="help-list">
        {FUNCTIONS.map((fn) => (
          <li key={fn.name}>
            <button
              type="button"
              className="help-item"
              disabled={disabled}
              onClick={() => onInsert(functionSnippet(fn))}
              title="点击插入到条件中"
              data-testid={`function-${fn.name}`}
            >
              <code className="help-signature">{fn.signature}</code>
              <span className="help-description">{fn.description}</span>
              <span className="help-example">
                例：<code>{fn.example}</code>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
