// The validating face (zod): seeds, admins' custom frameworks. Loaded by tests, CLIs and the settings chunk.
export { frameworkSchema, parseFramework, loadFrameworks, withCustomFrameworks } from './schema';
