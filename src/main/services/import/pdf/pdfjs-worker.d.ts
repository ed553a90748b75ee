// Types for pdf.js's worker module, which pdfjs-dist ships without a declaration: it is only imported
// for its side effect of setting globalThis.pdfjsWorker (see open-pdf.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
