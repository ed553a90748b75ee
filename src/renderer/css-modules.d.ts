// Types for the CSS modules Vite bundles next to the components that use them.
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>
  export default classes
}
