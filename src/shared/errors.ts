// Errors cross the boundary as data: a code, a sentence the analyst can act on, and the file concerned.
import { z } from 'zod'

export const ErrorCode = z.enum([
  'invalid-argument',
  'not-found',
  'empty-file',
  'not-text',
  'unsupported-type',
  'too-large',
  'damaged-file',
  'workspace-locked',
  'write-failed',
  'disk-full',
  'read-only',
  'permission-denied',
  'newer-version',
  'pdf-unavailable',
  'forbidden',
  'internal',
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const ApiErrorData = z.object({
  code: ErrorCode,
  message: z.string(),
  file: z.string().optional(),
})
export type ApiErrorData = z.infer<typeof ApiErrorData>

export class DossierError extends Error {
  readonly code: ErrorCode
  readonly file?: string

  constructor(code: ErrorCode, message: string, file?: string) {
    super(message)
    this.name = 'DossierError'
    this.code = code
    this.file = file
  }

  toData(): ApiErrorData {
    return this.file === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, file: this.file }
  }
}
