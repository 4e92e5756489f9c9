import { describe, expect, it } from 'vitest'
import { parseFilter } from '../scim/filter/parse-filter.js'
import { URN } from '../scim/schema/urns.js'
import { createScimStore, type ScimStore } from './scim-store.js'

function createStore(): ScimStore {
  let id = 0
  return createScimStore({
    clock: () => new Date('2026-01-01T00:00:00.000Z'),
    generateId: () => `id-${++id}`,
  })
}

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [URN.user],
  userName,
  ...extra,
})

const group = (displayName: string, members: string[] = []) => ({
  schemas: [URN.group],
  displayName,
  ...(members.length > 0 ? { members: members.map((value) => ({ value })) } : {}),
})

describe('createScimStore', () => {
  it('assigns id, meta and a new version on each write', async () => {
    const store = createStore()
    const created = await store.transaction((tx) => tx.create('User', user('ada')))
    expect(created).toMatchObject({
      id: 'id-1',
      userName: 'ada',
      meta: { resourceType: 'User', created: '2026-01-01T00:00:00.000Z', version: 'W/"1"' },
    })
    const replaced = await store.transaction((tx) =>
      tx.replace('User', 'id-1', user('ada', { title: 'Eng' })),
    )
    expect(replaced.meta.version).toBe('W/"2"')
    expect(replaced.meta.created).toBe(created.meta.created)
  })

  it('rejects a userName taken in another case', async () => {
    const store = createStore()
    await store.transaction((tx) => tx.create('User', user('Ada@Example.com')))
    await expect(
      store.transaction((tx) => tx.create('User', user('ada@example.COM'))),
    ).rejects.toMatchObject({
      status: 409,
      scimType: 'uniqueness',
    })
    expect(store.users.size()).toBe(1)
  })

  it('lets a user keep its own userName on replace', async () => {
    const store = createStore()
    await store.transaction((tx) => tx.create('User', user('ada')))
    await expect(
      store.transaction((tx) => tx.replace('User', 'id-1', user('ADA'))),
    ).resolves.toMatchObject({
      userName: 'ADA',
    })
  })

  it('frees a userName once its holder is renamed or deleted', async () => {
    const store = createStore()
    await store.transaction(async (tx) => {
      await tx.create('User', user('ada'))
      await tx.create('User', user('bob'))
      await tx.replace('User', 'id-1', user('ada2'))
      await tx.delete('User', 'id-2')
    })
    await expect(store.transaction((tx) => tx.create('User', user('ada')))).resolves.toBeDefined()
    await expect(store.transaction((tx) => tx.create('User', user('bob')))).resolves.toBeDefined()
  })

  it('serialises concurrent writes so uniqueness holds', async () => {
    const store = createStore()
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => store.transaction((tx) => tx.create('User', user('same')))),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect(store.users.size()).toBe(1)
  })

  it('keeps running transactions after one fails', async () => {
    const store = createStore()
    await expect(
      store.transaction(() => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await expect(store.transaction((tx) => tx.create('User', user('ada')))).resolves.toBeDefined()
  })

  it('finds users through the indexes after updates and deletes', async () => {
    const store = createStore()
    await store.transaction(async (tx) => {
      await tx.create('User', user('ada', { emails: [{ value: 'ada@work.test' }] }))
      await tx.create('User', user('bob'))
      await tx.replace('User', 'id-1', user('ada2', { emails: [{ value: 'ada2@work.test' }] }))
      await tx.delete('User', 'id-2')
    })
    expect(store.search('User', parseFilter('userName eq "ada"'))).toEqual([])
    expect(store.search('User', parseFilter('userName eq "ADA2"')).map((u) => u.id)).toEqual([
      'id-1',
    ])
    expect(store.search('User', parseFilter('emails.value eq "ada2@work.test"'))).toHaveLength(1)
    expect(store.search('User', parseFilter('emails[value eq "ada@work.test"]'))).toEqual([])
    expect(store.search('User', parseFilter('userName eq "bob"'))).toEqual([])
  })

  it('returns index hits in creation order, like a scan', async () => {
    const store = createStore()
    await store.transaction(async (tx) => {
      for (const name of ['c', 'a', 'b']) await tx.create('User', user(name))
    })
    const filter = parseFilter('userName eq "b" or userName eq "c" or userName eq "a"')
    expect(store.search('User', filter).map((u) => u.userName)).toEqual(['c', 'a', 'b'])
  })

  it('answers an un-indexed filter by scanning', async () => {
    const store = createStore()
    await store.transaction(async (tx) => {
      await tx.create('User', user('ada', { title: 'Engineer' }))
      await tx.create('User', user('bob', { title: 'Designer' }))
    })
    expect(store.search('User', parseFilter('title sw "eng"')).map((u) => u.userName)).toEqual([
      'ada',
    ])
  })

  it('rejects members that do not exist and groups containing themselves', async () => {
    const store = createStore()
    await expect(
      store.transaction((tx) => tx.create('Group', group('g', ['nobody']))),
    ).rejects.toMatchObject({
      status: 400,
      scimType: 'invalidValue',
    })
    const created = await store.transaction((tx) => tx.create('Group', group('g')))
    await expect(
      store.transaction((tx) => tx.replace('Group', created.id, group('g', [created.id]))),
    ).rejects.toMatchObject({ status: 400, scimType: 'invalidValue' })
  })

  it('drops unknown members when told to ignore them', async () => {
    let id = 0
    const store = createScimStore({ unknownMembers: 'ignore', generateId: () => `id-${++id}` })
    const created = await store.transaction((tx) => tx.create('Group', group('g', ['nobody'])))
    expect(created.members).toBeUndefined()
  })

  it('removes a deleted user from its groups with a new group version', async () => {
    const store = createStore()
    const before = await store.transaction(async (tx) => {
      await tx.create('User', user('ada'))
      await tx.create('User', user('bob'))
      return tx.create('Group', group('g', ['id-1', 'id-2']))
    })
    await store.transaction((tx) => tx.delete('User', 'id-1'))
    const after = store.get('Group', before.id)!
    expect(after.members).toEqual([{ value: 'id-2', type: 'User' }])
    expect(after.meta.version).not.toBe(before.meta.version)
    expect(store.groupsOf('id-2').map((g) => g.id)).toEqual([before.id])
    expect(store.groupsOf('id-1')).toEqual([])
  })

  it('filters users on their derived groups', async () => {
    const store = createStore()
    const created = await store.transaction(async (tx) => {
      await tx.create('User', user('ada'))
      await tx.create('User', user('bob'))
      return tx.create('Group', group('Admins', ['id-1']))
    })
    const filter = parseFilter(`groups[value eq "${created.id}"]`)
    expect(store.search('User', filter).map((u) => u.userName)).toEqual(['ada'])
    expect(store.search('User', parseFilter('groups.display eq "admins"'))).toHaveLength(1)
  })

  it('restores a snapshot, indexes included', async () => {
    const store = createStore()
    await store.transaction((tx) => tx.create('User', user('ada')))
    const snapshot = store.snapshot()
    await store.transaction(async (tx) => {
      await tx.create('User', user('bob'))
      await tx.replace('User', 'id-1', user('changed'))
    })
    await store.restore(snapshot)
    expect([...store.users.values()].map((u) => u.userName)).toEqual(['ada'])
    expect(store.search('User', parseFilter('userName eq "ada"'))).toHaveLength(1)
    expect(store.search('User', parseFilter('userName eq "bob"'))).toEqual([])
    const next = await store.transaction((tx) => tx.create('User', user('bob')))
    expect(next.meta.version).toBe(`W/"${snapshot.revision + 1}"`)
  })

  it('keeps a record in its listing place when it is replaced', async () => {
    const store = createStore()
    await store.transaction(async (tx) => {
      for (const name of ['a', 'b', 'c']) await tx.create('User', user(name))
      await tx.replace('User', 'id-1', user('a2'))
    })
    expect([...store.users.values()].map((u) => u.userName)).toEqual(['a2', 'b', 'c'])
  })
})
