import type { ProfileInstance } from './vendor-profile.js'

/**
 * `provider.profile`: the profile at work, its settings and its actions, the
 * same from code and through the control API.
 */
export interface ProfileControls {
  readonly name: string
  /** A copy of the current settings. */
  readonly settings: Record<string, unknown>
  /** Changes some settings; throws a TypeError for an unknown setting or a bad value. */
  updateSettings(changes: Record<string, unknown>): void
  /** The names of the profile's actions. */
  readonly actions: readonly string[]
  /** Runs an action, e.g. `run('activate', { id })` for secoda; throws for an unknown one. */
  run(action: string, input?: Record<string, unknown>): Promise<unknown>
}

export function createProfileControls(name: string, instance: ProfileInstance): ProfileControls {
  const actions = instance.actions ?? {}
  return {
    name,
    get settings() {
      return structuredClone(instance.settings ?? {})
    },
    updateSettings(changes) {
      if (!instance.updateSettings) {
        throw new TypeError(`Failed to update settings: profile "${name}" has none`)
      }
      instance.updateSettings(changes)
    },
    actions: Object.keys(actions),
    async run(action, input = {}) {
      const run = Object.hasOwn(actions, action) ? actions[action] : undefined
      if (!run) {
        throw new TypeError(
          `Failed to run "${action}": profile "${name}" has ${Object.keys(actions).length ? `only ${Object.keys(actions).join(', ')}` : 'no actions'}`,
        )
      }
      return run(input)
    },
  }
}
