// The error every service throws: a code, a sentence the analyst can act on, and the file concerned.
// Kept apart from the contract's schema (errors.ts), so the import workers and the command line,
// which only throw and read these, start without loading the schema library.

export const ERROR_CODES = [
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
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorData {
  code: ErrorCode
  message: string
  file?: string
}

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
