import { describe, expect, it } from 'vitest'
import { createSwitchableService } from './create-switchable-service.js'

const origin = 'http://localhost:4000'
const put = (body: string) => new Request(`${origin}/__scim-mock/profile`, { method: 'PUT', body })
const listUsers = (path: string) =>
  new Request(`${origin}${path}/Users?count=1`, { headers: { authorization: 'Bearer secret' } })

describe('createSwitchableService', () => {
  it('switches to a fresh provider with the new profile and its base path', async () => {
    const service = createSwitchableService({ controlApi: true, seed: { users: 3, seed: 1 } })
    await service.current.ready
    await service.current.users.create({ userName: 'extra@example.com' })

    const response = await service.handle(put('{"name":"secoda"}'))

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: 'secoda', baseUrl: '/api/v2/scim' })
    expect(service.current.profile.name).toBe('secoda')
    // Seeded again, as the first: the extra user is gone.
    const listed = await service.handle(listUsers('/api/v2/scim'))
    expect(((await listed.json()) as { totalResults: number }).totalResults).toBe(3)
  })

  it('answers 400 for an unknown profile and keeps the provider', async () => {
    const service = createSwitchableService({ controlApi: true })
    const before = service.current

    const response = await service.handle(put('{"name":"nope"}'))

    expect(response.status).toBe(400)
    const body = (await response.json()) as { scimType: string; detail: string }
    expect(body.scimType).toBe('invalidValue')
    expect(body.detail).toContain('generic, magicpod, secoda, condeco, mangoapps, oktopost')
    expect(service.current).toBe(before)
  })

  it('answers 400 invalidSyntax for a body that is not JSON', async () => {
    const service = createSwitchableService({ controlApi: true })
    const response = await service.handle(put('secoda'))
    expect(response.status).toBe(400)
    expect(((await response.json()) as { scimType: string }).scimType).toBe('invalidSyntax')
  })

  it('leaves PUT to the provider when the control API is off', async () => {
    const service = createSwitchableService({})
    const response = await service.handle(put('{"name":"secoda"}'))
    expect(response.status).toBe(404)
    expect(service.current.profile.name).toBe('generic')
  })

  it('calls onSwitch with the new provider', async () => {
    const seen: string[] = []
    const service = createSwitchableService(
      { controlApi: true },
      { onSwitch: (next) => seen.push(next.profile.name) },
    )
    await service.switchProfile('oktopost')
    expect(seen).toEqual(['oktopost'])
  })
})
