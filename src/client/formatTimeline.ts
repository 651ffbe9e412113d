import type { ActorTimelineQuery } from "./generated/graphql.js";

type Actor = NonNullable<ActorTimelineQuery["actor"]>;
type Meeting = Actor["meetings"]["nodes"][number];

/** An actor's timeline as plain text: one block per meeting, earliest first. */
export function formatTimeline(actor: Actor): string {
  const { totalCount, nodes } = actor.meetings;
  const lines = [`${actor.nameEn} — ${actor.nameAr} (${actor.slug})`];
  const shown = nodes.length < totalCount ? `, showing the first ${nodes.length}` : "";
  lines.push(totalCount === 0 ? "No meetings in the record." : `${totalCount} ${totalCount === 1 ? "meeting" : "meetings"} in the record, earliest first${shown}.`);
  nodes.forEach((meeting, index) => lines.push("", ...formatMeeting(meeting, index + 1, actor.slug)));
  return `${lines.join("\n")}\n`;
}

function formatMeeting(meeting: Meeting, number: number, self: string): string[] {
  const date = formatDate(meeting.date);
  const lines = [`${number}. ${date.charAt(0).toUpperCase()}${date.slice(1)}`];
  const place = meeting.place ? `in ${meeting.place.nameEn} (${meeting.place.nameAr})` : "— the source names no place";
  lines.push(`   ${words(meeting.kind, true)} ${place}`);
  const counterparts = meeting.participants.filter((p) => p.actor.slug !== self);
  for (const [i, p] of counterparts.entries()) {
    lines.push(`   ${i === 0 ? "With:" : "     "} ${p.actor.nameEn} (${p.actor.nameAr}), ${words(p.role)}`);
  }
  if (meeting.date.text) lines.push(`   Date as written: ${meeting.date.text}`);
  for (const source of meeting.sources) {
    const publisher = source.article.publisher ? `, ${source.article.publisher.nameEn}` : "";
    lines.push(`   Source: article ${source.article.slug}${publisher}`, `      ${source.quote}`);
  }
  return lines;
}

/** A partial date, as precisely as the source allows and saying how precise that is. */
export function formatDate(date: Meeting["date"]): string {
  const weekday = date.weekday ? `, a ${words(date.weekday, true)}` : "";
  switch (date.precision) {
    case "DAY":
      return `${date.earliest}${weekday} [exact day]`;
    case "MONTH":
      return `${date.earliest?.slice(0, 7)}${weekday} [month only]`;
    case "YEAR":
      return `${date.earliest?.slice(0, 4)}${weekday} [year only]`;
    case "RANGE":
      if (date.earliest && date.latest) return `between ${date.earliest} and ${date.latest}${weekday} [range]`;
      if (date.latest) return `on or before ${date.latest}${weekday} [range, open start]`;
      if (date.earliest) return `on or after ${date.earliest}${weekday} [range, open end]`;
      return `date unknown${weekday}`;
  }
}

// HEAD_OF_DELEGATION → "head of delegation"; with `capital`, "Head of delegation".
function words(value: string, capital = false): string {
  const text = value.toLowerCase().replaceAll("_", " ");
  return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
