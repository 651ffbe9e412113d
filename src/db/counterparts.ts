/** One row of an actor's counterparts: who, and in which meetings (a JSON array of ids). */
export interface CounterpartRow {
  actorId: number;
  meetingCount: number;
  meetingIds: string;
}
