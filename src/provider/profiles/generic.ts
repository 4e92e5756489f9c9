import { defineProfile } from './vendor-profile.js'

/** Strict RFC 7643/7644 behaviour, with no vendor quirk: the default. */
export const generic = defineProfile({
  name: 'generic',
  description: 'Strict RFC 7643/7644 behaviour, with no vendor quirk',
  create: () => ({}),
})
