import type { FuseV1Config } from '@electron/fuses'

export declare const FUSES: FuseV1Config & { strictlyRequireAllFuses: true }
export declare function electronExecutable(releaseDir: string, platform: string): string
export declare function flipDossierFuses(executable: string, platform: string, arch: string): Promise<number>
