import { buildASTSchema, concatAST, GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { loadRecord } from "../../src/record/loadRecord.js";
import { planRecord } from "../../src/record/planRecord.js";
import { ACTOR_KINDS, DATE_DERIVATIONS, DATE_PRECISIONS, MEETING_KINDS, PARTICIPANT_ROLES, WEEKDAYS } from "../../src/record/vocabulary.js";
import { loadTypeDefs } from "../../src/schema/typeDefs.js";

const schema = buildASTSchema(concatAST(loadTypeDefs()));
const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe("the record's vocabularies", () => {
  it.each([
    ["ActorKind", ACTOR_KINDS],
    ["MeetingKind", MEETING_KINDS],
    ["ParticipantRole", PARTICIPANT_ROLES],
    ["DatePrecision", DATE_PRECISIONS],
    ["DateDerivation", DATE_DERIVATIONS],
    ["Weekday", WEEKDAYS],
  ])("match the SDL enum %s, so every stored value can be served", (name, vocabulary) => {
    expect(values(name)).toEqual([...vocabulary]);
  });

  it("plan the same record the same way every time (seeding is deterministic)", () => {
    expect(planRecord(loadRecord())).toEqual(planRecord(loadRecord()));
  });

  it("give every weekday-dated day the weekday it names", () => {
    const plan = planRecord(loadRecord());
    const dates = [...plan.articles.map((a) => a.date), ...plan.meetings.map((m) => m.date)];
    for (const date of dates) {
      if (date.precision !== "DAY" || !date.weekday) continue;
      const weekday = new Date(`${date.earliest}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" }).toUpperCase();
      expect(weekday).toBe(date.weekday);
    }
  });
});
