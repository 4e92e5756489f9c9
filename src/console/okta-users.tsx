import { useState } from 'preact/hooks'
import type { OktaUser } from '../okta/okta-model.js'
import { useConsole } from './console-context.js'

const nameOf = (user: OktaUser) => `${user.profile.firstName} ${user.profile.lastName}`

/** Okta > Directory > People, with each person's assignment to the app and its actions. */
export function OktaUsers() {
  const { okta, act, busy, version } = useConsole()
  const [editing, setEditing] = useState<string | undefined>()
  void version
  const users = okta.org.users.list()
  const appUsers = new Map(okta.app.users().map((appUser) => [appUser.userId, appUser]))
  const disabled = busy !== undefined

  return (
    <div>
      <table>
        <caption class="visually-hidden">
          Okta users and their assignment to {okta.app.label}
        </caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Status</th>
            <th scope="col">Assignment</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const name = nameOf(user)
            const appUser = appUsers.get(user.id)
            return (
              <tr key={user.id} data-okta-user={user.profile.login}>
                <td>
                  <strong>{name}</strong>
                  <br />
                  <small>{user.profile.login}</small>
                </td>
                <td>
                  <span class={`badge badge-${user.status.toLowerCase()}`}>{user.status}</span>
                </td>
                <td>
                  {appUser ? (
                    <>
                      <span class={`badge badge-${appUser.status.toLowerCase()}`}>
                        {appUser.status}
                      </span>{' '}
                      <small>
                        {appUser.direct ? 'direct' : 'by group'}
                        {appUser.remoteId ? ` · id ${appUser.remoteId.slice(0, 8)}…` : ''}
                      </small>
                      {appUser.error && <p class="error-text">{appUser.error}</p>}
                    </>
                  ) : (
                    <small>not assigned</small>
                  )}
                </td>
                <td class="actions">
                  {!appUser?.direct ? (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={`Assign ${name}`}
                      onClick={() =>
                        act(`Assign ${name} to ${okta.app.label}`, () =>
                          okta.app.assignUser(user.id),
                        )
                      }
                    >
                      Assign
                    </button>
                  ) : (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={`Unassign ${name}`}
                      onClick={() =>
                        act(`Unassign ${name} from ${okta.app.label}`, () =>
                          okta.app.unassignUser(user.id),
                        )
                      }
                    >
                      Unassign
                    </button>
                  )}
                  {appUser?.status === 'UNPROVISIONED' && (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={`Provision ${name}`}
                      onClick={() =>
                        act(`Provision ${name}`, () => okta.app.provisionUser(user.id))
                      }
                    >
                      Provision
                    </button>
                  )}
                  {user.status === 'DEACTIVATED' ? (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={`Reactivate ${name}`}
                      onClick={() =>
                        act(`Reactivate ${name}`, () => okta.org.users.reactivate(user.id))
                      }
                    >
                      Reactivate
                    </button>
                  ) : (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={`Deactivate ${name}`}
                      onClick={() =>
                        act(`Deactivate ${name}`, () => okta.org.users.deactivate(user.id))
                      }
                    >
                      Deactivate
                    </button>
                  )}
                  {user.status !== 'DEACTIVATED' && (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={`${user.status === 'SUSPENDED' ? 'Unsuspend' : 'Suspend'} ${name}`}
                      onClick={() =>
                        act(
                          `${user.status === 'SUSPENDED' ? 'Unsuspend' : 'Suspend'} ${name}`,
                          () =>
                            user.status === 'SUSPENDED'
                              ? okta.org.users.unsuspend(user.id)
                              : okta.org.users.suspend(user.id),
                        )
                      }
                    >
                      {user.status === 'SUSPENDED' ? 'Unsuspend' : 'Suspend'}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-expanded={editing === user.id}
                    aria-controls={`edit-${user.id}`}
                    aria-label={`Edit ${name}`}
                    onClick={() => setEditing(editing === user.id ? undefined : user.id)}
                  >
                    Edit…
                  </button>
                  {editing === user.id && (
                    <EditPerson user={user} assigned={appUser !== undefined} />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <AddPerson />
    </div>
  )
}

const PROFILE_FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['email', 'Email'],
  ['title', 'Title'],
  ['department', 'Department'],
] as const

/** The person's profile (pushed to every app), the assignment's own values, and a password. */
function EditPerson({ user, assigned }: { user: OktaUser; assigned: boolean }) {
  const { okta, act, busy } = useConsole()
  const name = nameOf(user)
  const [profile, setProfile] = useState<Record<string, string>>(() =>
    Object.fromEntries(PROFILE_FIELDS.map(([key]) => [key, user.profile[key] ?? ''])),
  )
  const [assignment, setAssignment] = useState({ userName: '', title: '' })
  const [password, setPassword] = useState('')
  const id = `edit-${user.id}`

  return (
    <div id={id} class="editor">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          const changes = Object.fromEntries(
            Object.entries(profile).filter(([key, value]) => value !== (user.profile[key] ?? '')),
          )
          void act(`Update the Okta profile of ${name}`, () =>
            okta.org.users.update(user.id, changes),
          )
        }}
      >
        <fieldset>
          <legend>Okta profile of {name}</legend>
          {PROFILE_FIELDS.map(([key, label]) => (
            <label key={key}>
              {label}
              <input
                name={key}
                value={profile[key]}
                onInput={(event) =>
                  setProfile({ ...profile, [key]: (event.target as HTMLInputElement).value })
                }
              />
            </label>
          ))}
          <button type="submit" disabled={busy !== undefined}>
            Save profile
          </button>
        </fieldset>
      </form>
      {assigned && (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            const changes = Object.fromEntries(
              Object.entries(assignment).filter(([, value]) => value !== ''),
            )
            void act(`Update the assignment of ${name}`, () =>
              okta.app.updateAssignment(user.id, changes),
            )
          }}
        >
          <fieldset>
            <legend>Assignment to {okta.app.label}</legend>
            <label>
              App username
              <input
                name="userName"
                value={assignment.userName}
                placeholder={okta.app.appUser(user.id)?.userName}
                onInput={(event) =>
                  setAssignment({
                    ...assignment,
                    userName: (event.target as HTMLInputElement).value,
                  })
                }
              />
            </label>
            <label>
              Assignment title
              <input
                name="assignmentTitle"
                value={assignment.title}
                onInput={(event) =>
                  setAssignment({ ...assignment, title: (event.target as HTMLInputElement).value })
                }
              />
            </label>
            <button type="submit" disabled={busy !== undefined}>
              Save assignment
            </button>
          </fieldset>
        </form>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void act(`Set the password of ${name}`, () =>
            okta.org.users.setPassword(user.id, password),
          )
        }}
      >
        <fieldset>
          <legend>Password</legend>
          <label>
            New password
            <input
              type="password"
              name="password"
              autoComplete="new-password"
              value={password}
              required
              onInput={(event) => setPassword((event.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" disabled={busy !== undefined}>
            Set password
          </button>
        </fieldset>
      </form>
    </div>
  )
}

/** Directory > People > Add person. */
function AddPerson() {
  const { okta, act, busy } = useConsole()
  const empty = { firstName: '', lastName: '', email: '', login: '' }
  const [person, setPerson] = useState(empty)
  const field = (key: keyof typeof empty, label: string, type: 'text' | 'email' = 'text') => (
    <label>
      {label}
      <input
        {...(type === 'email' ? { type: 'email' } : { type: 'text' })}
        name={key}
        required={key !== 'login'}
        value={person[key]}
        onInput={(event) =>
          setPerson({ ...person, [key]: (event.target as HTMLInputElement).value })
        }
      />
    </label>
  )
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault()
        const { login, ...rest } = person
        void act(`Add ${person.firstName} ${person.lastName} to Okta`, () => {
          okta.org.users.create({ ...rest, login: login || person.email })
          setPerson(empty)
        })
      }}
    >
      <fieldset>
        <legend>Add person</legend>
        {field('firstName', 'First name')}
        {field('lastName', 'Last name')}
        {field('email', 'Email', 'email')}
        {field('login', 'Login (default: the email)')}
        <button type="submit" disabled={busy !== undefined}>
          Add person
        </button>
      </fieldset>
    </form>
  )
}
