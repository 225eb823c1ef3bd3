export { words, normalizeWord, isCapsWord, type Word } from './words';
export { htmlToText, decodeEntities } from './html';
export { closest, didYouMean, editDistance, pathOf } from './hints';
export { occurrenceAt, nthIndexOf, replaceInHtml, escapeText } from './replace';
