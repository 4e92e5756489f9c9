import { useState } from 'preact/hooks'
import { useConsole, useLoaded } from './console-context.js'
import { openOktaSession } from './okta-session.js'

/** The vendor profile: switch it, edit its settings, run its actions. */
export function ProfilePanel() {
  const { client, info, act, busy, reloadInfo, replaceOkta } = useConsole()
  const { data: profile, error } = useLoaded(() => client.profile())
  const [choice, setChoice] = useState(info.profile.name)
  const [action, setAction] = useState('')
  const [input, setInput] = useState('{}')
  const [output, setOutput] = useState<string | undefined>()
  const disabled = busy !== undefined

  return (
    <div>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          void act(`Switch the provider to the ${choice} profile`, async () => {
            await client.switchProfile(choice)
            // The new provider starts from its seed: so does the Okta org, set up for the vendor.
            replaceOkta(openOktaSession(await reloadInfo()))
          })
        }}
      >
        <label>
          Vendor profile
          <select
            name="profile"
            value={choice}
            onChange={(event) => setChoice((event.target as HTMLSelectElement).value)}
          >
            {info.profiles.map((option) => (
              <option key={option.name} value={option.name}>
                {option.name}
                {option.description ? `: ${option.description}` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={disabled || choice === info.profile.name}>
          Switch profile
        </button>
        <small>Switching starts the provider and the Okta org again.</small>
      </form>
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
      {profile && Object.keys(profile.settings).length > 0 && (
        <form onSubmit={(event) => event.preventDefault()}>
          <fieldset>
            <legend>{profile.name} settings</legend>
            {Object.entries(profile.settings).map(([key, value]) =>
              typeof value === 'boolean' ? (
                <label key={key} class="check">
                  <input
                    type="checkbox"
                    name={key}
                    checked={value}
                    disabled={disabled}
                    onChange={(event) =>
                      act(`Set ${key}`, () =>
                        client.updateProfileSettings({
                          [key]: (event.target as HTMLInputElement).checked,
                        }),
                      )
                    }
                  />
                  {key}
                </label>
              ) : (
                <label key={key}>
                  {key} (JSON)
                  <input
                    name={key}
                    defaultValue={JSON.stringify(value)}
                    disabled={disabled}
                    onChange={(event) => {
                      const text = (event.target as HTMLInputElement).value
                      void act(`Set ${key}`, () =>
                        client.updateProfileSettings({ [key]: JSON.parse(text) as unknown }),
                      )
                    }}
                  />
                </label>
              ),
            )}
          </fieldset>
        </form>
      )}
      {profile && profile.actions.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            const name = action || String(profile.actions[0])
            void act(`Run ${name}`, async () => {
              const result = await client.runProfileAction(
                name,
                JSON.parse(input) as Record<string, unknown>,
              )
              setOutput(JSON.stringify(result, null, 2))
            })
          }}
        >
          <fieldset>
            <legend>{profile.name} actions</legend>
            <label>
              Action
              <select
                name="action"
                value={action}
                onChange={(event) => setAction((event.target as HTMLSelectElement).value)}
              >
                {profile.actions.map((option) => {
                  const name = typeof option === 'string' ? option : option.name
                  return (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  )
                })}
              </select>
            </label>
            <label>
              Input (JSON)
              <input
                name="input"
                value={input}
                onInput={(event) => setInput((event.target as HTMLInputElement).value)}
              />
            </label>
            <button type="submit" disabled={disabled}>
              Run action
            </button>
          </fieldset>
        </form>
      )}
      {output !== undefined && (
        <pre class="result" aria-label="Result of the profile action">
          {output}
        </pre>
      )}
    </div>
  )
}
