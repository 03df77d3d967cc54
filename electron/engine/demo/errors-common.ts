/**
 * Error injections both exports can carry: the suspect's identity data (rules.md §4.3 items 5–6).
 */
import type { Injection } from './row-editor.ts'

/** Errors both exports can carry: the suspect's identity data. */
export const INJECTIONS_COMMON: Injection[] = [
  {
    rule: 'F05',
    applies: (r) => r.get('作案时年龄') !== '',
    apply: (r) =>
      r.set(
        '作案时年龄',
        String(Math.max(0, Number(r.get('作案时年龄')) + r.random.pick([5, 6, 7, 8, -5, -6]))),
      ),
  },
  {
    rule: 'F06',
    weight: 3,
    applies: (r) => r.get('身份证号') !== '',
    apply: (r) => {
      const id = r.get('身份证号')
      const variant = r.random.int(0, 2)
      if (variant === 0)
        r.set('身份证号', id.slice(0, 17) + (id[17] === '1' ? '2' : '1')) // a typo in the check character
      else if (variant === 1)
        r.set(
          '出生日期',
          String(Number(r.get('出生日期').slice(0, 4)) - 1) +
            r.get('出生日期').slice(4).replace('02-29', '02-28'),
        )
      else r.set('性别', r.get('性别') === '男' ? '女' : '男')
    },
  },
]
