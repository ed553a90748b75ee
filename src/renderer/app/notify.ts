// One way to tell the analyst about failures, always as a sentence, never a stack trace.
import { notifications } from '@mantine/notifications'
import { errorMessage } from '../api/client'

export function notifyError(error: unknown, title = 'Something went wrong'): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 8000 })
}
