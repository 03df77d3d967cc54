// Replacement for exceljs/lib/utils/parse-sax.js. The original decodes every zip chunk on its own
// (`bufferToString(chunk)`), so a Chinese character split across two chunks turns into "��" and
// cells are silently corrupted (exceljs issue #2084). This version keeps one streaming decoder per
// XML part, so a split character is completed by the next chunk.
const { SaxesParser } = require('saxes')
const { PassThrough } = require('readable-stream')

module.exports = async function* parseSax(iterable) {
  if (iterable.pipe && !iterable[Symbol.asyncIterator]) iterable = iterable.pipe(new PassThrough())
  const decoder = new TextDecoder('utf-8')
  const saxesParser = new SaxesParser()
  let error
  saxesParser.on('error', (err) => {
    error = err
  })
  let events = []
  saxesParser.on('opentag', (value) => events.push({ eventType: 'opentag', value }))
  saxesParser.on('text', (value) => events.push({ eventType: 'text', value }))
  saxesParser.on('closetag', (value) => events.push({ eventType: 'closetag', value }))
  for await (const chunk of iterable) {
    saxesParser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
    if (error) throw error
    yield events
    events = []
  }
  const rest = decoder.decode()
  if (rest) {
    saxesParser.write(rest)
    if (error) throw error
    yield events
  }
}
