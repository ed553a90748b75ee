// Mounts the renderer: Mantine theme and colour scheme, notifications, and the app shell.
import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/spotlight/styles.css'
import './global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { App } from './app/App'
import { theme } from './theme'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element.')

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {/* Below modals (z-index 200), so a summary never covers a dialog's buttons. */}
      <Notifications position="bottom-right" notificationMaxHeight={520} limit={6} zIndex={150} />
      <App />
    </MantineProvider>
  </StrictMode>,
)
