import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { ApiError, get, readCookie, rotateSession, setUnauthorizedHandler } from '../api/client';
import type { User, WorkspaceRole } from '../api/types';

interface Session {
  user: User | null;
  loading: boolean;
  signOut(): Promise<void>;
  /** Whether the signed-in member's role is at least `role` in the current workspace. */
  can(role: WorkspaceRole): boolean;
}

const SessionContext = createContext<Session | null>(null);
const WEIGHT: Record<WorkspaceRole, number> = { viewer: 10, qa_lead: 20, admin: 30 };
/** Refresh this long before the session expires, so a busy user is never signed out mid-task. */
const REFRESH_AHEAD_MS = 5 * 60_000;

export const ME_KEY = ['auth', 'me'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      // Without the session's expiry cookie there is no session: asking would only log a 401.
      const exp = Number(readCookie('token_exp'));
      if (!Number.isFinite(exp) || exp * 1000 <= Date.now()) return null;
      try {
        return await get<User>('/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  const user = me.data ?? null;

  useEffect(() => {
    setUnauthorizedHandler(() => client.setQueryData(ME_KEY, null));
    return () => setUnauthorizedHandler(undefined);
  }, [client]);

  // The session cookie is HttpOnly; its expiry twin `token_exp` says when to refresh it.
  useEffect(() => {
    if (!user) return;
    const exp = Number(readCookie('token_exp'));
    if (!Number.isFinite(exp) || exp <= 0) return;
    const wait = Math.max(5_000, exp * 1000 - Date.now() - REFRESH_AHEAD_MS);
    const timer = setTimeout(() => {
      rotateSession('/auth/refresh').then(
        () => client.invalidateQueries({ queryKey: ME_KEY }),
        () => client.setQueryData(ME_KEY, null),
      );
    }, wait);
    return () => clearTimeout(timer);
  }, [user, client]);

  const signOut = useCallback(async () => {
    await rotateSession('/auth/logout').catch(() => undefined);
    // Signed out first, so the pages unmount; clearing the whole cache would orphan the session's
    // own observer and leave the old user on screen.
    client.setQueryData(ME_KEY, null);
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  }, [client]);

  const can = useCallback(
    (role: WorkspaceRole) => (user?.workspaceRole ? WEIGHT[user.workspaceRole] >= WEIGHT[role] : false),
    [user],
  );

  return (
    <SessionContext.Provider value={{ user, loading: me.isPending, signOut, can }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
