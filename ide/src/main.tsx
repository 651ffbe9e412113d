// Must run before Monaco starts: it points Monaco at the workers Vite bundles
// from `?worker` imports instead of the esm.sh copies GraphiQL's CDN build uses.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './legibility.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { FALLBACK_QUERY, toExampleTabs } from './exampleTabs.js';
import { savedOperations } from './savedOperations.js';

// Resolved against the page, not hard-coded as `/graphql`: the page lives at
// `/` or `/graphql`, and both resolve to the API endpoint, also behind a
// reverse proxy that mounts the API under a path prefix.
const endpoint = new URL('graphql', window.location.href).href;
const fetcher = createGraphiQLFetcher({ url: endpoint });

const exampleTabs = toExampleTabs(savedOperations);

const container = document.getElementById('graphiql');
if (container === null) throw new Error('index.html lost its #graphiql element');

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={[HISTORY_PLUGIN]}
      defaultQuery={FALLBACK_QUERY}
      {...(exampleTabs.length > 0 ? { defaultTabs: exampleTabs } : {})}
      defaultEditorToolsVisibility
      // Headers often carry tokens; keep them out of localStorage on shared analyst PCs.
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
