/** Terminal styles, or plain text when `enabled` is false (pipes, CI logs, NO_COLOR). */
export interface Paint {
  green(text: string): string
  red(text: string): string
  dim(text: string): string
  bold(text: string): string
}

/**
 * ANSI styles for a terminal that shows them.
 *
 * @example
 * const paint = createPaint(process.stdout.isTTY && !process.env.NO_COLOR)
 * write(paint.green('✓') + ' assign')
 */
export function createPaint(enabled: boolean): Paint {
  const style = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text
  return { green: style(32, 39), red: style(31, 39), dim: style(2, 22), bold: style(1, 22) }
}
