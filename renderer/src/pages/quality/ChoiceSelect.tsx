/**
 * A compact multi-select on a native <select>: picking an option adds it to the choice, picking a
 * chosen one (marked ✓) removes it. Chosen values also show as removable chips (FilterChips).
 */
interface ChoiceSelectProps {
  label: string
  options: readonly { value: string; label: string }[]
  chosen: readonly string[]
  onToggle: (value: string) => void
  testId: string
}

export function ChoiceSelect({ label, options, chosen, onToggle, testId }: ChoiceSelectProps) {
  const head = chosen.length === 0 ? `${label}：全部` : `${label}：已选 ${chosen.length} 项`
  return (
    <select
      className="select small choice-select"
      value=""
      aria-label={label}
      onChange={(event) => event.target.value !== '' && onToggle(event.target.value)}
      data-testid={testId}
    >
      <option value="">{head}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {chosen.includes(option.value) ? '✓ ' : '\u3000'}
          {option.label}
        </option>
      ))}
    </select>
  )
}
