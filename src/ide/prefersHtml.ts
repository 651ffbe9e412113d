interface MediaRange {
  type: string;
  q: number;
  order: number;
}

// GraphQL clients send `application/graphql-response+json`, `application/json`
// or `*/*`; browsers navigating to /graphql list text/html explicitly. Only an
// explicit text/html that ranks at least as high as every JSON type counts, so
// curl's `*/*` keeps reaching the API.
export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return false;
  const ranges = parseAccept(accept);
  const html = ranges.find((range) => range.type === 'text/html');
  if (html === undefined || html.q <= 0) return false;
  return ['application/json', 'application/graphql-response+json'].every((jsonType) => {
    const json = bestMatch(ranges, jsonType);
    if (json === undefined || json.q < html.q) return true;
    return json.q === html.q && html.order < json.order;
  });
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part, order) => {
    const [rawType, ...params] = part.split(';');
    const type = rawType?.trim().toLowerCase() ?? '';
    if (type === '') return [];
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((piece) => piece.trim());
      if (key?.toLowerCase() === 'q' && value !== undefined) {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    return [{ type, q, order }];
  });
}

// The most specific range wins (RFC 9110 §12.5.1), not the highest q.
function bestMatch(ranges: MediaRange[], type: string): MediaRange | undefined {
  const [major] = type.split('/');
  return (
    ranges.find((range) => range.type === type) ??
    ranges.find((range) => range.type === `${major}/*`) ??
    ranges.find((range) => range.type === '*/*')
  );
}
