import { useState } from 'preact/hooks'
import { useConsole } from './console-context.js'

/** Okta groups: members, assignment to the app, and Push Groups. */
export function OktaGroups() {
  const { okta, act, busy, version } = useConsole()
  void version
  const groups = okta.org.groups.list()
  const users = okta.org.users.list()
  const nameOf = (userId: string) => {
    const user = users.find((candidate) => candidate.id === userId)
    return user ? `${user.profile.firstName} ${user.profile.lastName}` : userId
  }
  const assigned = new Set(okta.app.users().flatMap((appUser) => appUser.groupIds))
  const disabled = busy !== undefined
  const [newGroup, setNewGroup] = useState('')

  return (
    <div>
      {groups.length === 0 && <p>No groups yet.</p>}
      {groups.map((group) => {
        const pushed = okta.app.pushedGroup(group.id)
        const button = (label: string, action: string, work: () => Promise<unknown>) => (
          <button
            type="button"
            disabled={disabled}
            aria-label={`${label} ${group.name}`}
            onClick={() => act(`${action} ${group.name}`, work)}
          >
            {label}
          </button>
        )
        const outside = users.filter((user) => !group.members.includes(user.id))
        return (
          <article key={group.id} class="card" aria-labelledby={`group-${group.id}`}>
            <h4 id={`group-${group.id}`}>
              {group.name}{' '}
              {pushed && (
                <span class={`badge badge-${pushed.status.toLowerCase()}`}>
                  push {pushed.status}
                </span>
              )}
            </h4>
            {pushed?.error && <p class="error-text">{pushed.error}</p>}
            <p>
              Members:{' '}
              {group.members.length === 0
                ? 'none'
                : group.members.map((member, position) => (
                    <span key={member}>
                      {position > 0 && ', '}
                      {nameOf(member)}{' '}
                      <button
                        type="button"
                        class="link"
                        disabled={disabled}
                        aria-label={`Remove ${nameOf(member)} from ${group.name}`}
                        onClick={() =>
                          act(`Remove ${nameOf(member)} from ${group.name}`, () =>
                            okta.org.groups.removeMembers(group.id, [member]),
                          )
                        }
                      >
                        ✕
                      </button>
                    </span>
                  ))}
            </p>
            {outside.length > 0 && (
              <form
                class="inline-form"
                onSubmit={(event) => {
                  event.preventDefault()
                  const select = (event.currentTarget as HTMLFormElement).elements.namedItem(
                    'member',
                  ) as HTMLSelectElement
                  void act(`Add ${nameOf(select.value)} to ${group.name}`, () =>
                    okta.org.groups.addMembers(group.id, [select.value]),
                  )
                }}
              >
                <label>
                  Add member to {group.name}
                  <select name="member">
                    {outside.map((user) => (
                      <option key={user.id} value={user.id}>
                        {nameOf(user.id)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" disabled={disabled}>
                  Add
                </button>
              </form>
            )}
            <div class="actions">
              {assigned.has(group.id)
                ? button('Unassign group', 'Unassign the group', () =>
                    okta.app.unassignGroup(group.id),
                  )
                : button('Assign group', 'Assign the group', () => okta.app.assignGroup(group.id))}
              {!pushed || !pushed.remoteId
                ? button('Push group', 'Push', () => okta.app.pushGroup(group.id))
                : button('Push now', 'Push now', () => okta.app.pushNow(group.id))}
              {pushed?.status === 'ACTIVE' &&
                button('Deactivate push', 'Deactivate the push of', () =>
                  okta.app.setPushActive(group.id, false),
                )}
              {pushed?.status === 'INACTIVE' &&
                button('Activate push', 'Activate the push of', () =>
                  okta.app.setPushActive(group.id, true),
                )}
              {pushed &&
                button('Unlink (keep in app)', 'Unlink', () =>
                  okta.app.unlinkGroup(group.id, { deleteInApp: false }),
                )}
              {pushed &&
                button('Unlink and delete in app', 'Unlink and delete', () =>
                  okta.app.unlinkGroup(group.id, { deleteInApp: true }),
                )}
            </div>
          </article>
        )
      })}
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          const name = newGroup.trim()
          if (!name) return
          void act(`Create the Okta group ${name}`, () => {
            okta.org.groups.create({ name })
            setNewGroup('')
          })
        }}
      >
        <label>
          New group name
          <input
            name="groupName"
            required
            value={newGroup}
            onInput={(event) => setNewGroup((event.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={disabled}>
          Create group
        </button>
      </form>
    </div>
  )
}
