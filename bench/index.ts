/**
 * `npm run bench`: every capability's benchmark, printing figures on generated data. Never fails on time.
 * BENCH_SIZES=100000 npm run bench   runs the smaller sizes only.
 */
console.log('研判工作台 benchmarks —', new Date().toISOString(), `— ${process.version}`)
console.log('\n# Import (issue 2)')
await import('./import.ts')
console.log('\n# Demo province (issue 3)')
await import('./demo.ts')
console.log('\n# Data-quality rules (issue 4)')
await import('./quality.ts')
console.log('\n# Indicators (issue 5)')
await import('./indicators.ts')
console.log('\n# Reports (issue 6)')
await import('./reports.ts')
console.log('\n# Anomalies (issue 7)')
await import('./anomalies.ts')
export {}
