import { formatTimeline } from "./formatTimeline.js";
import { ActorTimelineDocument } from "./generated/graphql.js";
import { ClientError, DEFAULT_URL, request } from "./request.js";

// `npm run example:client [-- <actor slug>]`: prints an actor's timeline of meetings, with the quote
// that reports each one, from a running API (`npm start`). TAAWUN_URL points it elsewhere.
const slug = process.argv[2] ?? "qasim-al-araji";
const url = process.env.TAAWUN_URL ?? DEFAULT_URL;

if (slug === "--help" || slug === "-h") {
  console.log("Usage: npm run example:client [-- <actor slug>]   (default qasim-al-araji; TAAWUN_URL, default " + DEFAULT_URL + ")");
} else {
  try {
    const { actor } = await request(url, ActorTimelineDocument, { slug });
    if (actor === null) {
      console.error(`No actor with the slug "${slug}" in the record at ${url}.`);
      process.exitCode = 1;
    } else {
      process.stdout.write(formatTimeline(actor));
    }
  } catch (error) {
    console.error(error instanceof ClientError ? error.message : error);
    process.exitCode = 1;
  }
}
