// Every seeds/tension/*.json file, validated, compiled and packed by the build (scripts/build.ts).
declare module 'virtual:tension-rules' {
  const rules: import('./core/tension/packed').PackedTensionRules;
  export default rules;
}
