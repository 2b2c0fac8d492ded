import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, queryString } from '../api/client.ts';
import type { LinkInfo } from '../api/types.ts';

/**
 * One-time links carry their token in the fragment (`/welcome#token=…`), which browsers do
 * not send to servers or in Referer headers.
 */
export function useLinkToken(): string | null {
  const read = () => new URLSearchParams(window.location.hash.slice(1)).get('token');
  const [token, setToken] = useState(read);
  useEffect(() => {
    // Pasting another link into the address bar of an open page changes only the fragment.
    const update = () => setToken(read());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return token;
}

export function useLinkInfo(token: string | null) {
  return useQuery({
    queryKey: ['link', token],
    queryFn: () => api.get<LinkInfo>(`/api/auth/link${queryString({ token })}`),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
}
