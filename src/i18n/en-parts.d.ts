// The two parts of translations/en.json's `ui` strings, made by the build (scripts/build.ts, src/i18n/parts.ts).
declare module 'virtual:en-ui/startup' {
  const strings: Readonly<Record<string, string>>;
  export default strings;
}
declare module 'virtual:en-ui/later' {
  const strings: Readonly<Record<string, string>>;
  export default strings;
}
