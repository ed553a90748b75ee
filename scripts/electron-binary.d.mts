export function electronPackageDir(root: string): string
export function installedElectron(root: string): string | undefined
