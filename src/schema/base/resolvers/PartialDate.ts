import type { DateDerivation, DatePrecision, PartialDateResolvers, Weekday } from "../../../generated/graphql.js";

/** The row stores enum values as checked text; the SDL enums are their only possible values. */
export const PartialDate: PartialDateResolvers = {
  precision: (date) => date.precision as DatePrecision,
  derivation: (date) => date.derivation as DateDerivation,
  weekday: (date) => date.weekday as Weekday | null,
};
