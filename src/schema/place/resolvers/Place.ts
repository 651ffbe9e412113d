import type { PlaceResolvers } from "../../../generated/graphql.js";
import { toGlobalId } from "../../../ids/globalId.js";

export const Place: PlaceResolvers = {
  id: (place) => toGlobalId("Place", place.id),
  latitude: (place) => place.lat,
  longitude: (place) => place.lon,
  country: (place, _args, { loaders }) => (place.countryId == null ? null : loaders.actor.load(place.countryId)),
  meetings: (place, page, { loaders }) => loaders.meetingsOfPlace.load(place.id, page),
};
