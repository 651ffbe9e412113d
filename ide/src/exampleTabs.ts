import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface ExampleTab {
  query: string;
}

export const FALLBACK_QUERY = '{ __typename }';

/** Turns `{ '<dir>/name.graphql': text }` (an import.meta.glob result) into GraphiQL tabs. */
export function toExampleTabs(files: Readonly<Record<string, string>>): ExampleTab[] {
  return Object.keys(files)
    .sort(compareFileNames)
    .map((path) => {
      const fileName = path.slice(path.lastIndexOf('/') + 1);
      const text = files[path] ?? '';
      return { query: `# ${fileName}\n${nameAnonymousOperation(text, fileName)}` };
    });
}

// GraphiQL 5 has no per-tab title: it shows the operation name, so an anonymous
// operation is named after its file to make the tab readable. Naming the only
// operation of a document does not change what it returns.
export function nameAnonymousOperation(text: string, fileName: string): string {
  const operations = operationsOf(text);
  if (operations === null || operations.length !== 1) return text;
  const operation = operations[0];
  if (operation === undefined || operation.name !== undefined || operation.loc === undefined) return text;
  const name = graphqlNameFromFile(fileName);
  const start = operation.loc.start;
  if (text[start] === '{') {
    return `${text.slice(0, start)}query ${name} ${text.slice(start)}`;
  }
  const keywordEnd = start + operation.operation.length;
  return `${text.slice(0, keywordEnd)} ${name}${text.slice(keywordEnd)}`;
}

export function graphqlNameFromFile(fileName: string): string {
  const stem = fileName.replace(/\.graphql$/i, '');
  const name = stem.replace(/[^_0-9A-Za-z]/g, '_');
  return /^[_A-Za-z]/.test(name) ? name : `_${name}`;
}

function operationsOf(text: string): OperationDefinitionNode[] | null {
  try {
    return parse(text).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    // A broken example is still shown as written: the editor points at the error.
    return null;
  }
}

// Case-insensitive for people, yet locale-independent so the tab order is the
// same on every analyst machine whatever its language settings.
function compareFileNames(a: string, b: string): number {
  const byFolded = compareCodePoints(a.toLowerCase(), b.toLowerCase());
  return byFolded !== 0 ? byFolded : compareCodePoints(a, b);
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
