/**
 * A namespace-checking XML parser for tests of generated OOXML parts: throws on anything not
 * well-formed (and on an unbound prefix), returns a small element tree to query. Uses saxes, the
 * parser exceljs reads workbooks with.
 */
import { SaxesParser } from 'saxes'

export interface XmlElement {
  /** Qualified name as written: 'c:numCache'. */
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** Text directly inside the element. */
  text: string
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true })
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  let failure: Error | null = null
  parser.on('error', (error) => {
    failure ??= error
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const [name, attribute] of Object.entries(tag.attributes))
      attributes[name] = typeof attribute === 'string' ? attribute : attribute.value
    const element: XmlElement = { name: tag.name, attributes, children: [], text: '' }
    stack[stack.length - 1].children.push(element)
    stack.push(element)
  })
  parser.on('text', (text) => {
    stack[stack.length - 1].text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(xml).close()
  if (failure) throw failure
  return root.children[0]
}

/** Every element named `name` below (and including) `element`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = []
  const visit = (e: XmlElement) => {
    if (e.name === name) found.push(e)
    e.children.forEach(visit)
  }
  visit(element)
  return found
}

export function findFirst(element: XmlElement, name: string): XmlElement | undefined {
  return findAll(element, name)[0]
}

/** All text below an element, concatenated. */
export function textOf(element: XmlElement): string {
  return element.text + element.children.map(textOf).join('')
}

/** The values of a c:numCache or c:strCache: index → value, gaps left undefined. */
export function cacheValues(cache: XmlElement): (string | undefined)[] {
  const count = Number(findFirst(cache, 'c:ptCount')!.attributes.val)
  const values: (string | undefined)[] = new Array(count).fill(undefined)
  for (const pt of findAll(cache, 'c:pt')) values[Number(pt.attributes.idx)] = textOf(findFirst(pt, 'c:v')!)
  return values
}
