import type { Loaders } from "../loaders/createLoaders.js";
import type { SnippetSource } from "./buildSnippet.js";
import type { SearchHitRow } from "./SearchHitRow.js";

/**
 * The original texts of a hit that its index document was built from, in order of preference for
 * the snippet: an article's body before its headline (the body gives context), names before
 * aliases and keywords, the Arabic summary before the English one. Aliases come through the
 * request's loader, batched across the page.
 */
export async function snippetSources(hit: SearchHitRow, loaders: Loaders): Promise<SnippetSource[]> {
  switch (hit.__typename) {
    case "Article":
      return [
        { field: "BODY", text: (await loaders.articleBody.load(hit.id))?.body ?? "" },
        { field: "HEADLINE", text: hit.headline ?? "" },
      ];
    case "Actor": {
      const aliases = await loaders.aliasesOfActor.load(hit.id);
      return [
        { field: "NAME", text: hit.nameAr },
        { field: "NAME", text: hit.nameEn },
        ...aliases.map((alias) => ({ field: "ALIAS" as const, text: alias.text })),
      ];
    }
    case "Topic":
      return [
        { field: "NAME", text: hit.nameAr },
        { field: "NAME", text: hit.nameEn },
        ...[...(JSON.parse(hit.keywordsAr) as string[]), ...(JSON.parse(hit.keywordsEn) as string[])].map((text) => ({ field: "KEYWORD" as const, text })),
      ];
    case "Meeting":
      return [
        { field: "SUMMARY", text: hit.summaryAr },
        { field: "SUMMARY", text: hit.summaryEn },
      ];
  }
}
