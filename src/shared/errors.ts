// Errors cross the boundary as data: a code, a sentence the analyst can act on, and the file concerned.
// The class and the codes live in dossier-error.ts; this is their schema for the contract.
import { z } from 'zod'
import { ERROR_CODES } from './dossier-error'

export { DossierError } from './dossier-error'

export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

export const ApiErrorData = z.object({
  code: ErrorCode,
  message: z.string(),
  file: z.string().optional(),
})
export type ApiErrorData = z.infer<typeof ApiErrorData>
