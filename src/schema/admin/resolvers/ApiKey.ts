import type { ApiKeyResolvers, Role } from "../../../generated/graphql.js";

export const ApiKey: ApiKeyResolvers = {
  // Stored lowercase, as `npm run keys -- create --role editor` takes it; the SDL enum is uppercase.
  role: (row) => row.role.toUpperCase() as Role,
};
