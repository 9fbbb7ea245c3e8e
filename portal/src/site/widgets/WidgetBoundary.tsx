import { Component, type ReactNode } from 'react';
import { WidgetEmpty } from '../../components/WidgetStates';

/** One widget that throws while rendering leaves the rest of the page standing. */
export class WidgetBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    console.error(error);
  }
  override render(): ReactNode {
    return this.state.failed ? <WidgetEmpty>{this.props.fallback}</WidgetEmpty> : this.props.children;
  }
}
