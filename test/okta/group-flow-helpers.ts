import type { OktaApp, OktaOrg } from '../../src/okta/create-okta-org.js'

/**
 * Learns what the server answered to each `GET /Groups/{id}` the org sent, in
 * order, as `{{groupVersion1}}`, `{{groupLastModified1}}`, `{{groupVersion2}}`...
 * and `{{groupCreated}}`: the transcripts then show that an AIW `PUT /Groups`
 * echoes the GET body, meta included (okta-behavior.md §1.0, §1.9a step 3).
 */
export function rememberGroupReads(org: OktaOrg, vars: Record<string, string>): void {
  const reads = org
    .requests()
    .filter((request) => request.method === 'GET' && /^\/Groups\/[^?]+$/.test(request.path))
  reads.forEach((request, index) => {
    const meta = (request.response as { meta?: Record<string, string> } | undefined)?.meta
    if (!meta) return
    vars.groupCreated = meta.created!
    vars[`groupLastModified${index + 1}`] = meta.lastModified!
    vars[`groupVersion${index + 1}`] = meta.version!
  })
}

/**
 * Okta users for the group transcripts: `jane` and `bob` are assigned to the
 * app and provisioned (their SCIM ids become `{{jane}}` and `{{bob}}`),
 * `carol` is in Okta only.
 */
export async function createTeam(org: OktaOrg, app: OktaApp, vars: Record<string, string>) {
  const person = (name: string) =>
    org.users.create({
      login: `${name}@corp.example`,
      email: `${name}@example.com`,
      firstName: name[0]!.toUpperCase() + name.slice(1),
      lastName: 'Tester',
    })
  const [jane, bob, carol] = [person('jane'), person('bob'), person('carol')]
  for (const user of [jane, bob]) {
    await app.assignUser(user.id)
    vars[user.profile.firstName.toLowerCase()] = app.appUser(user.id)!.remoteId!
  }
  return { jane, bob, carol }
}
