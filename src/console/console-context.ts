import { createContext } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'
import type { ConsoleClient, ServiceInfo } from './console-client.js'
import type { OktaSession } from './okta-session.js'

/** Where the provider runs: `scim-mock serve`, or this page behind MSW's service worker. */
export type ConsoleMode = 'server' | 'worker'

/** What every panel of the console reads and does. */
export interface ConsoleState {
  mode: ConsoleMode
  client: ConsoleClient
  info: ServiceInfo
  okta: OktaSession
  /** Grows after every action and every new provider request: panels reload on it. */
  version: number
  /** The action under way, if any (buttons are disabled meanwhile). */
  busy: string | undefined
  /**
   * Runs an action: one at a time, its outcome announced to screen readers,
   * the Okta org saved and every panel reloaded after it. Resolves to false
   * when it failed (the failure is announced, not thrown).
   */
  act(label: string, work: () => Promise<unknown> | unknown): Promise<boolean>
  /** Swaps the Okta org (after a reset or a profile switch). */
  replaceOkta(session: OktaSession): void
  /** Reads the service info again (after a profile switch). */
  reloadInfo(): Promise<ServiceInfo>
}

export const ConsoleContext = createContext<ConsoleState | undefined>(undefined)

export function useConsole(): ConsoleState {
  const state = useContext(ConsoleContext)
  if (!state) throw new Error('Failed to use the console state: render inside <ConsoleContext>')
  return state
}

/** Loads data with `load`, again whenever the console's version (or `deps`) changes. */
export function useLoaded<T>(
  load: () => Promise<T> | T,
  deps: readonly unknown[] = [],
): { data: T | undefined; error: string | undefined } {
  const { version } = useConsole()
  const [state, setState] = useState<{ data: T | undefined; error: string | undefined }>({
    data: undefined,
    error: undefined,
  })
  useEffect(() => {
    let current = true
    Promise.resolve()
      .then(load)
      .then(
        (data) => current && setState({ data, error: undefined }),
        (error: unknown) =>
          current && setState((previous) => ({ ...previous, error: messageOf(error) })),
      )
    return () => {
      current = false
    }
    // `load` is a fresh closure per render: the version and deps say when to call it.
  }, [version, ...deps])
  return state
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
