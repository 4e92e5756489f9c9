import { useState } from 'preact/hooks'
import type { ScimRecord } from './console-client.js'
import { useConsole, useLoaded } from './console-context.js'

/** Rows drawn at most: a provider seeded with 100k users stays responsive; search narrows. */
const SHOWN_ROWS = 200

const SECODA_EXTENSION = 'urn:ietf:params:scim:schemas:extension:secoda:2.0:User'

/** A SCIM filter (`userName sw "j"`) goes to the provider; other text is a plain search. */
function looksLikeFilter(text: string): boolean {
  return /^\s*[\w.:$-]+(\[[^\]]*\])?\s+(eq|ne|co|sw|ew|gt|ge|lt|le|pr)\b/i.test(text)
}

function matchesText(record: ScimRecord, text: string): boolean {
  return JSON.stringify(record).toLowerCase().includes(text.toLowerCase())
}

/** A user's status as its vendor shows it: Secoda's Invited/Active/Disabled, else active or not. */
function statusOf(user: ScimRecord): string {
  const vendor = (user[SECODA_EXTENSION] as { status?: string } | undefined)?.status
  if (vendor) return vendor
  return user.active === false ? 'Deactivated' : 'Active'
}

function Search({
  label,
  value,
  onChange,
}: {
  label: string
  value: string
  onChange: (text: string) => void
}) {
  return (
    <label class="search">
      {label}
      <input
        type="search"
        name="search"
        value={value}
        placeholder='text, or a SCIM filter: userName sw "j"'
        onInput={(event) => onChange((event.target as HTMLInputElement).value)}
      />
    </label>
  )
}

function useResources(kind: 'users' | 'groups', search: string) {
  const { client } = useConsole()
  const filter = looksLikeFilter(search) ? search : undefined
  const loaded = useLoaded(
    () => (kind === 'users' ? client.users(filter) : client.groups(filter)),
    [kind, filter],
  )
  const records =
    loaded.data && !filter && search.trim() !== ''
      ? loaded.data.filter((record) => matchesText(record, search.trim()))
      : loaded.data
  return { records, error: loaded.error }
}

/** The provider's users: active, invited and deactivated, searchable. */
export function ProviderUsers() {
  const { client, info, act, busy } = useConsole()
  const [search, setSearch] = useState('')
  const { records, error } = useResources('users', search)
  return (
    <div>
      <Search label="Search users" value={search} onChange={setSearch} />
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
      {records && (
        <table>
          <caption>
            {records.length} user{records.length === 1 ? '' : 's'}
            {records.length > SHOWN_ROWS
              ? ` (the first ${SHOWN_ROWS} shown: search to narrow)`
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">userName</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {records.slice(0, SHOWN_ROWS).map((user) => {
              const userName = String(user.userName)
              const name = user.name as
                { formatted?: string; givenName?: string; familyName?: string } | undefined
              return (
                <tr key={user.id} data-scim-user={userName}>
                  <td>
                    {userName}
                    <br />
                    <small>
                      <code>{user.id}</code>
                    </small>
                  </td>
                  <td>
                    {name?.formatted ??
                      [name?.givenName, name?.familyName].filter(Boolean).join(' ')}
                  </td>
                  <td>
                    <span class={`badge badge-${statusOf(user).toLowerCase()}`}>
                      {statusOf(user)}
                    </span>
                  </td>
                  <td class="actions">
                    <details>
                      <summary>JSON</summary>
                      <pre>{JSON.stringify(user, null, 2)}</pre>
                    </details>
                    <button
                      type="button"
                      disabled={busy !== undefined}
                      aria-label={`Delete ${userName} in the provider`}
                      onClick={() =>
                        act(`Delete ${userName} in the provider`, () =>
                          client.scim(info, 'DELETE', `/Users/${encodeURIComponent(user.id)}`),
                        )
                      }
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** The provider's groups and their members. */
export function ProviderGroups() {
  const { client, info, act, busy } = useConsole()
  const [search, setSearch] = useState('')
  const { records, error } = useResources('groups', search)
  return (
    <div>
      <Search label="Search groups" value={search} onChange={setSearch} />
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
      {records && (
        <table>
          <caption>
            {records.length} group{records.length === 1 ? '' : 's'}
            {records.length > SHOWN_ROWS
              ? ` (the first ${SHOWN_ROWS} shown: search to narrow)`
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">displayName</th>
              <th scope="col">Members</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {records.slice(0, SHOWN_ROWS).map((group) => {
              const displayName = String(group.displayName)
              const members =
                (group.members as Array<{ value: string; display?: string }> | undefined) ?? []
              return (
                <tr key={group.id} data-scim-group={displayName}>
                  <td>
                    {displayName}
                    <br />
                    <small>
                      <code>{group.id}</code>
                    </small>
                  </td>
                  <td>
                    {members.length === 0
                      ? 'none'
                      : members.map((member) => member.display ?? member.value).join(', ')}
                  </td>
                  <td class="actions">
                    <button
                      type="button"
                      disabled={busy !== undefined}
                      aria-label={`Delete group ${displayName} in the provider`}
                      onClick={() =>
                        act(`Delete group ${displayName} in the provider`, () =>
                          client.scim(info, 'DELETE', `/Groups/${encodeURIComponent(group.id)}`),
                        )
                      }
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}
