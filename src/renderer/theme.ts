// The Mantine theme: system fonts only (the app is offline under a strict CSP), a calm indigo accent.
import { createTheme } from '@mantine/core'

const systemSans =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif"
const systemMono =
  "ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, 'Liberation Mono', monospace"

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: systemSans,
  fontFamilyMonospace: systemMono,
  headings: { fontFamily: systemSans },
  defaultRadius: 'md',
  cursorType: 'pointer',
})
