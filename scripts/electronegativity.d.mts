export interface Finding {
  id: string
  file: string
  line: number
  severity: string
  confidence: string
  description: string
}
export interface Explained {
  id: string
  file: string
  reason: string
}
export declare function explainedFindings(markdown: string): Explained[]
export declare function unexplainedFindings(findings: Finding[], explained: Explained[]): Finding[]
export declare function scan(
  input: string,
  electronVersion: string,
): Promise<{ findings: Finding[]; unparsed: { file: string; message: string }[] }>
