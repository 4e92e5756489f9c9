import type { OktaAppInput } from '../okta/okta-app-settings.js'

/**
 * How the console's Okta app is set up for each profile, as the vendor's
 * guide (../shared/seeds) tells an admin to, and as the built-in scenarios do.
 */
export const VENDOR_APPS: Record<string, Partial<OktaAppInput> & { label: string }> = {
  generic: { label: 'SCIM 2.0 Test App (OAuth Bearer Token)', mode: 'oin' },
  magicpod: {
    label: 'SCIM 2.0 Test App (OAuth Bearer Token)',
    mode: 'oin',
    userNameFormat: 'email',
  },
  secoda: {
    label: 'Secoda',
    mode: 'aiw',
    userNameFormat: 'email',
    uniqueIdentifier: 'email',
    provisioning: { deactivateUsers: false, importUsers: false, importGroups: false },
  },
  condeco: { label: 'Condeco', mode: 'oin', uniqueIdentifier: 'email' },
  mangoapps: { label: 'MangoApps', mode: 'oin' },
  oktopost: { label: 'Oktopost', mode: 'oin', userNameFormat: 'email' },
}

/** The Okta users a new console starts with: people to assign, none provisioned yet. */
export const OKTA_PEOPLE = [
  {
    login: 'jane@corp.example',
    email: 'jane.doe@example.com',
    firstName: 'Jane',
    lastName: 'Doe',
    title: 'Engineer',
  },
  {
    login: 'bob@corp.example',
    email: 'bob.roe@example.com',
    firstName: 'Bob',
    lastName: 'Roe',
    title: 'Designer',
  },
  {
    login: 'ana@corp.example',
    email: 'ana.lima@example.com',
    firstName: 'Ana',
    lastName: 'Lima',
    title: 'Analyst',
  },
  {
    login: 'kenji@corp.example',
    email: 'kenji.sato@example.com',
    firstName: 'Kenji',
    lastName: 'Sato',
    title: 'Manager',
  },
  {
    login: 'fatima@corp.example',
    email: 'fatima.khan@example.com',
    firstName: 'Fatima',
    lastName: 'Khan',
    title: 'QA Lead',
  },
]

/** The Okta groups a new console starts with (members by login). */
export const OKTA_GROUPS = [
  { name: 'Engineering', members: ['jane@corp.example', 'kenji@corp.example'] },
  { name: 'Design', members: ['bob@corp.example'] },
]
