import { describe, expect, it } from 'vitest'
import { generateSeed, loadFaker, seededUuid } from './generate-seed.js'

describe('generateSeed', () => {
  it('gives the same users, ids and timestamps for the same seed', async () => {
    const first = generateSeed(await loadFaker(7), { users: 20, groups: 3 })
    const second = generateSeed(await loadFaker(7), { users: 20, groups: 3 })
    expect(second).toEqual(first)
  })

  it('gives different data for another seed', async () => {
    const first = generateSeed(await loadFaker(7), { users: 5 })
    const second = generateSeed(await loadFaker(8), { users: 5 })
    expect(second.users.map((u) => u.id)).not.toEqual(first.users.map((u) => u.id))
  })

  it('generates unique userNames and group names', async () => {
    const { users, groups } = generateSeed(await loadFaker(1), { users: 2000, groups: 40 })
    expect(new Set(users.map((u) => String(u.userName).toLowerCase())).size).toBe(2000)
    expect(new Set(groups.map((g) => g.displayName)).size).toBe(40)
  })

  it('only makes seeded users members of seeded groups', async () => {
    const { users, groups } = generateSeed(await loadFaker(3), { users: 30, groups: 5 })
    const ids = new Set(users.map((u) => u.id))
    for (const group of groups) {
      for (const member of (group.members as Array<{ value: string }>) ?? []) {
        expect(ids.has(member.value)).toBe(true)
      }
    }
  })

  it('dates every record before the reference date', async () => {
    const { users } = generateSeed(await loadFaker(2), {
      users: 50,
      referenceDate: '2025-06-01T00:00:00Z',
    })
    for (const user of users) {
      expect(Date.parse(user.meta.created)).toBeLessThanOrEqual(Date.parse(user.meta.lastModified))
      expect(Date.parse(user.meta.lastModified)).toBeLessThanOrEqual(
        Date.parse('2025-06-01T00:00:00Z'),
      )
    }
  })
})

describe('seededUuid', () => {
  it('makes RFC 4122 version 4 UUIDs, reproducibly', async () => {
    const first = await loadFaker(5)
    const second = await loadFaker(5)
    for (let i = 0; i < 200; i++) {
      const uuid = seededUuid(first)
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(seededUuid(second)).toBe(uuid)
    }
  })
})
