import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** 4xx answers are final (retrying a 403 or 404 only delays the message); network blips get one retry. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1,
      },
      mutations: { retry: false },
    },
  });
}
