import type { ComponentChildren } from 'preact'
import { useRef, useState } from 'preact/hooks'

export interface Tab {
  id: string
  label: ComponentChildren
  render: () => ComponentChildren
}

/**
 * WAI-ARIA tabs: a tablist whose arrow, Home and End keys move between tabs
 * (automatic activation), and one tabpanel, reachable with Tab.
 */
export function Tabs({ label, tabs, idPrefix }: { label: string; tabs: Tab[]; idPrefix: string }) {
  const [selected, setSelected] = useState(tabs[0]?.id)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])
  const index = Math.max(
    0,
    tabs.findIndex((tab) => tab.id === selected),
  )
  const current = tabs[index]

  const move = (to: number) => {
    const next = (to + tabs.length) % tabs.length
    setSelected(tabs[next]!.id)
    buttons.current[next]?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(index + 1),
      ArrowLeft: () => move(index - 1),
      Home: () => move(0),
      End: () => move(tabs.length - 1),
    }
    const action = keys[event.key]
    if (!action) return
    event.preventDefault()
    action()
  }

  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab, position) => (
          <button
            key={tab.id}
            ref={(element) => {
              buttons.current[position] = element
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab === current}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => setSelected(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${idPrefix}-panel-${current.id}`}
          aria-labelledby={`${idPrefix}-tab-${current.id}`}
          tabIndex={0}
          class="tabpanel"
        >
          {current.render()}
        </div>
      )}
    </div>
  )
}
