export { words, normalizeWord, isCapsWord, type Word } from './words';
export { htmlToText, decodeEntities } from './html';
export { closest, editDistance } from './closest';
export { occurrenceAt, nthIndexOf, replaceInHtml, escapeText } from './replace';
