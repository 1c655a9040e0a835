#!/usr/bin/env node
// Says which Node runs the tests (npm test's pretest step) and whether package.json's `engines`
// accepts it. A warning, not a failure: the suite decides what works.
import { readFileSync } from 'node:fs'
import process from 'node:process'
import console from 'node:console'
import { URL } from 'node:url'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const range = pkg.engines?.node ?? '*'

/** Whether `version` (x.y.z) satisfies `range`: alternatives of `^x.y.z` or `>=x.y.z`, or `*`. */
function satisfies(version, range) {
  const parse = (v) => v.replace(/^v/, '').split('.').map(Number)
  const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
  const have = parse(version)
  return range.split('||').some((part) => {
    const alt = part.trim()
    if (alt === '*') return true
    const caret = /^\^(\d+\.\d+\.\d+)$/.exec(alt)
    if (caret) return have[0] === parse(caret[1])[0] && compare(have, parse(caret[1])) >= 0
    const atLeast = /^>=\s*(\d+\.\d+\.\d+)$/.exec(alt)
    if (atLeast) return compare(have, parse(atLeast[1])) >= 0
    return false
  })
}

const ok = satisfies(process.version, range)
console.log(`--- Node ${process.version} (${process.execPath}); package.json engines: ${range}`)
if (!ok) console.warn(`warning: Node ${process.version} is outside engines ${range}`)
