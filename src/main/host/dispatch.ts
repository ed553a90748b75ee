// The one place a call from either transport enters the services: arguments are parsed against the
// contract, the handler runs, the result is checked (see MethodOptions), and every error leaves as data.
import { api, isMethodName, type Handlers, type Reply } from '../../shared/api'
import { DossierError } from '../../shared/errors'

export async function dispatch(
  handlers: Handlers,
  method: string,
  rawArgs: unknown,
): Promise<Reply<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `Dossier has no action called "${method}".` },
    }
  }
  const spec = api[method]
  const args = spec.input.safeParse(rawArgs ?? {})
  if (!args.success) {
    const issue = args.error.issues[0]
    const where = issue?.path.length ? ` (${issue.path.join('.')}: ${issue.message})` : ''
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `The request to ${method} was not valid${where}.` },
    }
  }
  try {
    const handler = handlers[method] as (args: unknown) => Promise<unknown>
    const result = await handler(args.data)
    if (!spec.checkOutput) return { ok: true, result }
    const checked = spec.output.safeParse(result)
    if (!checked.success) {
      console.error(`dossier: ${method} returned a result outside the contract`, checked.error.issues[0])
      return {
        ok: false,
        error: { code: 'internal', message: `Dossier could not complete ${method}; this is a bug.` },
      }
    }
    return { ok: true, result: checked.data }
  } catch (error) {
    if (error instanceof DossierError) return { ok: false, error: error.toData() }
    console.error(`dossier: ${method} failed`, error)
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      error: { code: 'internal', message: `Dossier could not complete ${method}: ${reason}` },
    }
  }
}
