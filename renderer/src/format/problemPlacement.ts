/**
 * Validation problems next to the form controls that show them: each at the control for its path,
 * or for the nearest ancestor path that has one (the engine may report deeper than a form goes, e.g.
 * `tags.0`). Problems no control takes are under ''. Used by the indicator builder and the report
 * template editor.
 */
export function placeAtControls<P extends { path: string }>(
  problems: readonly P[],
  controls: ReadonlySet<string>,
): Map<string, P[]> {
  const placed = new Map<string, P[]>()
  for (const problem of problems) {
    const parts = problem.path === '' ? [] : problem.path.split('.')
    let at = ''
    for (let length = parts.length; length > 0; length--) {
      const candidate = parts.slice(0, length).join('.')
      if (controls.has(candidate)) {
        at = candidate
        break
      }
    }
    placed.set(at, [...(placed.get(at) ?? []), problem])
  }
  return placed
}
