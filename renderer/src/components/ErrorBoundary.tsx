/**
 * Keeps a rendering bug on one page from blanking the whole window: the navigation stays usable and
 * the analyst sees what went wrong in Chinese. `resetKey` clears the error when the page changes.
 */
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'

interface Props {
  resetKey: string
  children: ReactNode
}

interface State {
  error: Error | null
  key: string
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('页面渲染出错', error, info.componentStack)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="page">
        <div className="error-message" role="alert">
          页面出错：{this.state.error.message}
        </div>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          重新加载
        </button>
      </div>
    )
  }
}
