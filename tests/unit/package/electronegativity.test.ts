// npm test's Electron security lint fails on a HIGH or MEDIUM finding that docs/SECURITY.md does not
// explain, and on nothing else.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  explainedFindings,
  scan,
  unexplainedFindings,
  type Finding,
} from '../../../scripts/electronegativity.mjs'
import { tempDir } from '../../helpers'

const DOC = `# Security

## Threat model

- \`PRELOAD_JS_CHECK\` in \`src/other.ts\`: belongs to another section, so it explains nothing.

## Electronegativity findings

- \`PRELOAD_JS_CHECK\` in \`src/main/index.ts\`: reviewed, the preload exposes only the contract.
- \`AUXCLICK_JS_CHECK\` in \`src/main/index.ts\`:
`

const finding = (id: string, file: string, severity: string): Finding => ({
  id,
  file,
  severity,
  line: 1,
  confidence: 'FIRM',
  description: '',
})

describe('the Electronegativity gate', () => {
  it('reads only its own section of docs/SECURITY.md, and only entries that give a reason', () => {
    expect(explainedFindings(DOC)).toEqual([
      {
        id: 'PRELOAD_JS_CHECK',
        file: 'src/main/index.ts',
        reason: 'reviewed, the preload exposes only the contract.',
      },
    ])
    expect(explainedFindings('# Security\n')).toEqual([])
  })

  it('fails an unexplained HIGH or MEDIUM finding, not an explained one or a LOW one', () => {
    const explained = explainedFindings(DOC)
    const findings = [
      finding('PRELOAD_JS_CHECK', 'src/main/index.ts', 'MEDIUM'),
      finding('PRELOAD_JS_CHECK', 'src/main/other.ts', 'MEDIUM'),
      finding('AUXCLICK_JS_CHECK', 'src/main/index.ts', 'MEDIUM'),
      finding('NODE_INTEGRATION_JS_CHECK', 'src/main/index.ts', 'HIGH'),
      finding('CSP_GLOBAL_CHECK', 'src/renderer/index.html', 'LOW'),
    ]
    expect(unexplainedFindings(findings, explained).map((f) => `${f.id} ${f.file}`)).toEqual([
      'PRELOAD_JS_CHECK src/main/other.ts',
      'AUXCLICK_JS_CHECK src/main/index.ts',
      'NODE_INTEGRATION_JS_CHECK src/main/index.ts',
    ])
  })

  it('finds a window without isolation or sandbox, offline, so the gate would fail it', async () => {
    const dir = await tempDir()
    try {
      await mkdir(join(dir.path, 'main'))
      await writeFile(
        join(dir.path, 'main', 'window.ts'),
        `import { BrowserWindow } from 'electron'
export const open = (): BrowserWindow =>
  new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })
`,
      )
      const { findings, unparsed } = await scan(dir.path, '45.4.1')
      expect(unparsed).toEqual([])
      const failing = unexplainedFindings(findings, [])
      expect(failing.map((f) => f.id)).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']),
      )
    } finally {
      await dir.remove()
    }
  })
})
