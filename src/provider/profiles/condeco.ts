import { defineProfile } from './vendor-profile.js'

/**
 * Condeco by Eptura (seed 002): base path `/scim/api/V1`, a duplicate
 * username rejected on create in Condeco's words, and group members that do
 * not exist in Condeco dropped rather than rejected. Creating, deleting,
 * updating and deactivating users and pushing groups are the provider's own
 * RFC behaviour.
 *
 * @example
 * const provider = createScimProvider({ baseUrl: 'https://acme.condecosoftware.com/scim/api/V1', profile: 'condeco' })
 * // POST /Users with a taken userName → 409 uniqueness 'A user with username "ann" already exists in Condeco'
 */
export const condeco = defineProfile({
  name: 'condeco',
  description:
    'Condeco (Eptura): unique usernames rejected on create, group members unknown to Condeco ignored',
  source: '002_67000c2021115322.txt',
  create: () => ({
    options: {
      // The seed's "Condeco SCIM API URL e.g. https://<CONDECO-SCIM-Domain>/scim/api/V1/".
      baseUrl: '/scim/api/V1',
      // NOTE: copied on purpose (seed 002, Push Group): "Any group members (who
      // exist in Condeco) are automatically mapped": the others are dropped, where
      // a strict provider answers 400.
      unknownMembers: 'ignore',
      messages: {
        // Seed 002: "If the username already exists in Condeco, the SCIM User
        // creation is rejected by our SCIM API." The seed gives no text: ours.
        userNameTaken: (userName) => `A user with username "${userName}" already exists in Condeco`,
      },
    },
  }),
})
