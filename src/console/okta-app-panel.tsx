import { useState } from 'preact/hooks'
import type { OktaAppSettings, ProvisioningToggles } from '../okta/okta-model.js'
import { useConsole } from './console-context.js'

const TOGGLES: Array<[keyof ProvisioningToggles, string]> = [
  ['createUsers', 'Create Users'],
  ['updateUserAttributes', 'Update User Attributes'],
  ['deactivateUsers', 'Deactivate Users'],
  ['syncPassword', 'Sync Password'],
  ['pushGroups', 'Push Groups'],
  ['importUsers', 'Import Users'],
  ['importGroups', 'Import Groups'],
]

/** The app's Provisioning tab: integration, To App toggles, and the app-level actions. */
export function OktaAppPanel() {
  const { okta, act, busy, version } = useConsole()
  void version
  const settings = okta.app.settings
  const [result, setResult] = useState<string | undefined>()
  const disabled = busy !== undefined
  const update = (changes: Parameters<typeof okta.app.update>[0], label: string) =>
    act(label, () => okta.app.update(changes))
  const select = <K extends 'mode' | 'userNameFormat' | 'uniqueIdentifier'>(
    key: K,
    label: string,
    options: Array<[OktaAppSettings[K], string]>,
  ) => (
    <label>
      {label}
      <select
        name={key}
        value={settings[key]}
        disabled={disabled}
        onChange={(event) => {
          const value = (event.target as HTMLSelectElement).value as OktaAppSettings[K]
          void update({ [key]: value }, `Set ${label} to ${value}`)
        }}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div>
      <dl class="facts">
        <dt>App</dt>
        <dd>{settings.label}</dd>
        <dt>SCIM base URL</dt>
        <dd>
          <code>{settings.baseUrl}</code>
        </dd>
        <dt>Authentication</dt>
        <dd>{settings.auth.type}</dd>
      </dl>
      <div class="actions">
        <button
          type="button"
          disabled={disabled}
          onClick={() =>
            act('Test API Credentials', async () => {
              const test = await okta.app.testConnection()
              setResult(test.message)
            })
          }
        >
          Test API Credentials
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() => act('Save the provisioning settings', () => okta.app.saveProvisioning())}
        >
          Save provisioning
        </button>
        {settings.auth.type === 'oauth' && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => act(`Authenticate with ${settings.label}`, () => okta.app.authorize())}
          >
            Authenticate with {settings.label}
          </button>
        )}
        <button
          type="button"
          disabled={disabled}
          onClick={() =>
            act('Import Now', async () => {
              const imported = await okta.app.import()
              setResult(JSON.stringify(imported, null, 2))
            })
          }
        >
          Import Now
        </button>
      </div>
      {result !== undefined && (
        <pre class="result" aria-label="Result of the last app action">
          {result}
        </pre>
      )}
      <form onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>Integration</legend>
          <label class="check">
            <input
              type="checkbox"
              name="apiIntegration"
              checked={settings.apiIntegration !== false}
              disabled={disabled}
              onChange={(event) =>
                update(
                  { apiIntegration: (event.target as HTMLInputElement).checked },
                  'Toggle Enable API integration',
                )
              }
            />
            Enable API integration
          </label>
          {select('mode', 'App type', [
            ['aiw', 'Custom app (AIW): GET + PUT'],
            ['oin', 'Catalog app (OIN): PATCH'],
          ])}
          {select('userNameFormat', 'Application username format', [
            ['login', 'Okta username'],
            ['email', 'Email'],
            ['emailPrefix', 'Email prefix'],
          ])}
          {select('uniqueIdentifier', 'Unique identifier field', [
            ['userName', 'userName'],
            ['email', 'email'],
          ])}
        </fieldset>
        <fieldset>
          <legend>To App</legend>
          {TOGGLES.map(([key, label]) => (
            <label key={key} class="check">
              <input
                type="checkbox"
                name={key}
                checked={settings.provisioning[key]}
                disabled={disabled}
                onChange={(event) =>
                  update(
                    { provisioning: { [key]: (event.target as HTMLInputElement).checked } },
                    `Toggle ${label}`,
                  )
                }
              />
              {label}
            </label>
          ))}
        </fieldset>
      </form>
      <ImportedUsers />
    </div>
  )
}

function ImportedUsers() {
  const { okta } = useConsole()
  const imported = okta.app.importedUsers()
  if (imported.length === 0) return null
  return (
    <table>
      <caption>Imported, not yet matched to an Okta user</caption>
      <thead>
        <tr>
          <th scope="col">userName</th>
          <th scope="col">SCIM id</th>
        </tr>
      </thead>
      <tbody>
        {imported.map((row) => (
          <tr key={row.remoteId}>
            <td>{row.userName}</td>
            <td>
              <code>{row.remoteId}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
