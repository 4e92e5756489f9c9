import { describe, expect, it } from 'vitest'
import { URN } from '../schema/urns.js'
import { ScimError } from '../scim-error.js'
import { parsePatchPath } from './parse-patch-path.js'

function pathError(text: string): ScimError {
  try {
    parsePatchPath(text)
  } catch (error) {
    if (error instanceof ScimError) return error
    throw error
  }
  throw new Error(`parsed: ${text}`)
}

describe('parsePatchPath', () => {
  it('parses an attribute', () => {
    expect(parsePatchPath('active')).toEqual({ path: { attribute: 'active' } })
  })

  it('parses a sub-attribute', () => {
    expect(parsePatchPath('name.givenName')).toEqual({
      path: { attribute: 'name', subAttribute: 'givenName' },
    })
  })

  it('parses a value path', () => {
    expect(parsePatchPath('members[value eq "2819c223"]')).toEqual({
      path: { attribute: 'members' },
      filter: {
        type: 'comparison',
        path: { attribute: 'value' },
        operator: 'eq',
        value: '2819c223',
      },
    })
  })

  it('parses a value path with a sub-attribute', () => {
    expect(parsePatchPath('emails[type eq "work" and primary eq true].value')).toEqual({
      path: { attribute: 'emails' },
      filter: expect.objectContaining({ type: 'and' }),
      subAttribute: 'value',
    })
  })

  it('parses an enterprise attribute with a sub-attribute', () => {
    expect(parsePatchPath(`${URN.enterpriseUser}:manager.value`)).toEqual({
      path: { uri: URN.enterpriseUser, attribute: 'manager', subAttribute: 'value' },
    })
  })

  it('parses a bare extension URN as uri plus attribute', () => {
    expect(parsePatchPath(URN.enterpriseUser)).toEqual({
      path: { uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', attribute: 'User' },
    })
  })

  it('parses a URN-qualified value path', () => {
    expect(parsePatchPath(`${URN.user}:emails[type eq "work"].display`)).toMatchObject({
      path: { uri: URN.user, attribute: 'emails' },
      subAttribute: 'display',
    })
  })

  it('tolerates surrounding whitespace', () => {
    expect(parsePatchPath('  members[value eq "a"]  ')).toMatchObject({
      path: { attribute: 'members' },
    })
  })

  it.each([
    '',
    '  ',
    'name..givenName',
    'name.givenName.x',
    '"name"',
    'emails[type eq "work"]value',
    'emails[type eq "work"].value.x',
    'emails[type eq "work"].',
    'emails[type eq "work"]]',
    'emails eq "x"',
    'emails[type eq "work"][value eq "x"]',
  ])('rejects %j with invalidPath', (text) => {
    const error = pathError(text)
    expect(error.status).toBe(400)
    expect(error.scimType).toBe('invalidPath')
    expect(error.detail).toMatch(/^Invalid path: /)
  })

  it.each([
    'emails[type eq "work"',
    'emails[type eq]',
    'emails[]',
    'emails[type[value eq "x"]]',
    "members[value eq 'u1']",
  ])('rejects the malformed value filter of %j with invalidFilter', (text) => {
    const error = pathError(text)
    expect(error.status).toBe(400)
    expect(error.scimType).toBe('invalidFilter')
  })
})
