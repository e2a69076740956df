/**
 * A workspace's frame: its name, the tabs of its pages (Integrations, Booking sync, Voice,
 * AI agents, Health), and the page for the address. A workspace key only ever reaches its own.
 */
import type { ReactNode } from 'react';
import { Link, Route, Switch, useRoute } from 'wouter';
import { useWorkspace } from '../api/workspaces';
import { ErrorMessage } from '../components/ErrorMessage';
import { AiAgents } from './AiAgents';
import { BookingSync } from './BookingSync';
import { Health } from './Health';
import { Integrations } from './Integrations';
import { Voice } from './Voice';

const TABS = [
  { path: '', label: 'Integrations' },
  { path: '/bookings', label: 'Booking sync' },
  { path: '/voice', label: 'Voice' },
  { path: '/mcp', label: 'AI agents' },
  { path: '/health', label: 'Health' },
] as const;

export function WorkspaceLayout({ ws }: { ws: string }) {
  const workspace = useWorkspace(ws);
  const base = `/workspaces/${ws}`;
  return (
    <main>
      <h1>{workspace.data?.name ?? 'Workspace'}</h1>
      <nav aria-label="Workspace" className="tabs">
        {TABS.map((tab) => (
          <Tab key={tab.path} href={`${base}${tab.path}`}>
            {tab.label}
          </Tab>
        ))}
      </nav>
      <ErrorMessage error={workspace.error} />
      <Switch>
        <Route path={`${base}/bookings`}>
          <BookingSync ws={ws} />
        </Route>
        <Route path={`${base}/voice`}>
          <Voice ws={ws} />
        </Route>
        <Route path={`${base}/mcp`}>
          <AiAgents ws={ws} />
        </Route>
        <Route path={`${base}/health`}>
          <Health ws={ws} />
        </Route>
        <Route>
          <Integrations ws={ws} />
        </Route>
      </Switch>
    </main>
  );
}

function Tab({ href, children }: { href: string; children: ReactNode }) {
  const [current] = useRoute(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
