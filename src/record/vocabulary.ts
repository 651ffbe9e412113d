/** The closed vocabularies of the record, mirrored by the SDL enums (a test keeps them equal). */
export const ACTOR_KINDS = ["PERSON", "STATE", "ORGANISATION", "INTERNATIONAL_ORGANISATION", "MISSION", "ARMED_GROUP", "MEDIA"] as const;
export const MEETING_KINDS = ["MEETING", "DELEGATION_VISIT", "CEREMONY", "CONFERENCE", "SIDELINE_MEETING", "CALL"] as const;
export const PARTICIPANT_ROLES = ["HOST", "VISITOR", "HEAD_OF_DELEGATION", "DELEGATION_MEMBER", "REPRESENTATIVE", "PRESENT"] as const;
export const DATE_PRECISIONS = ["DAY", "MONTH", "YEAR", "RANGE"] as const;
export const DATE_DERIVATIONS = ["STATED", "WEEKDAY_CONTEXT", "INFERRED"] as const;
export const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
