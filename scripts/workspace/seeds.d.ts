// Built by scripts/build.ts from seeds/ (validated there); typed where it is imported (store.ts).
declare module 'virtual:workspace-seeds' {
  export const tickets: unknown;
  export const workspace: unknown;
  export const parameters: unknown;
  export const appVersion: unknown;
}
