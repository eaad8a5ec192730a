import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import type { Project } from '../../api/types';

/** The run's project (its name for the header, its URL as the crawl's start page). */
export function useProject(projectId: string) {
  return useQuery({
    queryKey: ['projects', projectId],
    queryFn: ({ signal }) => get<Project>(`/projects/${encodeURIComponent(projectId)}`, signal),
    staleTime: 60_000,
  });
}
