export { words, normalizeWord, isCapsWord, type Word } from './words';
export { htmlToText, decodeEntities } from './html';
