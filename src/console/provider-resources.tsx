import type { ComponentChildren } from 'preact'
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

/** A searchable table of the provider's users or groups, each row with its Delete. */
function ResourceTable(props: {
  kind: 'users' | 'groups'
  headers: string[]
  cells: (record: ScimRecord) => ComponentChildren
  /** The row's name in labels, e.g. its userName. */
  nameOf: (record: ScimRecord) => string
  /** Its data attribute, for tests: `data-scim-user`. */
  dataKey: 'data-scim-user' | 'data-scim-group'
}) {
  const { client, info, act, busy } = useConsole()
  const [search, setSearch] = useState('')
  const { records, error } = useResources(props.kind, search)
  const noun = props.kind === 'users' ? 'user' : 'group'
  const path = props.kind === 'users' ? '/Users' : '/Groups'
  const target = (name: string) => (props.kind === 'users' ? name : `group ${name}`)
  return (
    <div>
      <Search label={`Search ${props.kind}`} value={search} onChange={setSearch} />
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
      {records && (
        <table>
          <caption>
            {records.length} {noun}
            {records.length === 1 ? '' : 's'}
            {records.length > SHOWN_ROWS
              ? ` (the first ${SHOWN_ROWS} shown: search to narrow)`
              : ''}
          </caption>
          <thead>
            <tr>
              {[...props.headers, 'Actions'].map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.slice(0, SHOWN_ROWS).map((record) => {
              const name = props.nameOf(record)
              return (
                <tr key={record.id} {...{ [props.dataKey]: name }}>
                  <td>
                    {name}
                    <br />
                    <small>
                      <code>{record.id}</code>
                    </small>
                  </td>
                  {props.cells(record)}
                  <td class="actions">
                    {props.kind === 'users' && (
                      <details>
                        <summary>JSON</summary>
                        <pre>{JSON.stringify(record, null, 2)}</pre>
                      </details>
                    )}
                    <button
                      type="button"
                      disabled={busy !== undefined}
                      aria-label={`Delete ${target(name)} in the provider`}
                      onClick={() =>
                        act(`Delete ${target(name)} in the provider`, () =>
                          client.scim(info, 'DELETE', `${path}/${encodeURIComponent(record.id)}`),
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

/** The provider's users: active, invited and deactivated, searchable. */
export function ProviderUsers() {
  return (
    <ResourceTable
      kind="users"
      headers={['userName', 'Name', 'Status']}
      dataKey="data-scim-user"
      nameOf={(user) => String(user.userName)}
      cells={(user) => {
        const name = user.name as
          { formatted?: string; givenName?: string; familyName?: string } | undefined
        return (
          <>
            <td>
              {name?.formatted ?? [name?.givenName, name?.familyName].filter(Boolean).join(' ')}
            </td>
            <td>
              <span class={`badge badge-${statusOf(user).toLowerCase()}`}>{statusOf(user)}</span>
            </td>
          </>
        )
      }}
    />
  )
}

/** The provider's groups and their members. */
export function ProviderGroups() {
  return (
    <ResourceTable
      kind="groups"
      headers={['displayName', 'Members']}
      dataKey="data-scim-group"
      nameOf={(group) => String(group.displayName)}
      cells={(group) => {
        const members =
          (group.members as Array<{ value: string; display?: string }> | undefined) ?? []
        return (
          <td>
            {members.length === 0
              ? 'none'
              : members.map((member) => member.display ?? member.value).join(', ')}
          </td>
        )
      }}
    />
  )
}
