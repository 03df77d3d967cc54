import { describe, expect, it } from 'vitest'
import { detectDelimiter, detectNewline } from '../../../../electron/engine/import/read/delimiter.ts'

describe('detectDelimiter', () => {
  it('picks the separator repeated consistently on every line', () => {
    expect(detectDelimiter('部门受案号,嫌疑人姓名,受理日期\na,b,c\nd,e,f\n')).toBe(',')
    expect(detectDelimiter('部门受案号\t移送案由\n1\t盗窃罪,诈骗罪\n2\t诈骗罪\n')).toBe('\t')
    expect(detectDelimiter('部门受案号;移送案由;x\n1;盗窃罪,诈骗罪;y\n2;诈骗罪;z\n')).toBe(';')
  })

  it('ignores separators inside quoted fields', () => {
    expect(detectDelimiter('a,b,c\n"x;y;z;w",1,2\n"p;q;r;s",3,4\n')).toBe(',')
    expect(detectDelimiter('a;b\n"1,2,3,4,5";x\n"6,7,8,9,0";y\n')).toBe(';')
  })

  it('is not thrown off by title lines without separators', () => {
    const text =
      '2024年1-6月审查逮捕案件明细\n制表单位：南京市鼓楼区人民检察院\n部门受案号\t嫌疑人姓名\t受理日期\n1\t张某\t2024-01-05\n'
    expect(detectDelimiter(text)).toBe('\t')
  })

  it("honours Excel's sep= line and defaults to a comma", () => {
    expect(detectDelimiter('sep=;\r\na,b;c\r\n')).toBe(';')
    expect(detectDelimiter('单列\n值\n')).toBe(',')
    expect(detectDelimiter('')).toBe(',')
  })
})

describe('detectNewline', () => {
  it('finds the first record break outside quotes', () => {
    expect(detectNewline('a,b\r\nc,d\r\n')).toBe('\r\n')
    expect(detectNewline('a,b\nc,d\n')).toBe('\n')
    expect(detectNewline('a,b\rc,d\r')).toBe('\r')
    expect(detectNewline('a,"x\ny"\r\nc,d\r\n')).toBe('\r\n')
    expect(detectNewline('他说"你好",b\r\n')).toBe('\r\n')
    expect(detectNewline('no break')).toBe('\n')
  })
})
