export { foldText } from "./foldText.js";
export { foldWithOffsets, type FoldedText } from "./foldWithOffsets.js";
export { originalSpan, type Span } from "./originalSpan.js";
export { stemArabicToken } from "./stemArabicToken.js";
export { tokenize, type Token } from "./tokenize.js";
export { normalizeForSearch } from "./normalizeForSearch.js";
export { textMatches } from "./textMatches.js";
