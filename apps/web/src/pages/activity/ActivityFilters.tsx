import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import type { ApiResult } from '../../api/types';
import { activityTypeOptions } from './activity-types';

interface Props {
  type: string;
  projectId: string;
  seenTypes: string[];
  onType(value: string | null): void;
  onProject(value: string | null): void;
}

/** Filter the log by activity type and by project. */
export function ActivityFilters({ type, projectId, seenTypes, onType, onProject }: Props) {
  const projects = useQuery({
    queryKey: ['projects'],
    queryFn: ({ signal }) => get<ApiResult<'/projects'>>('/projects', signal),
  });
  const projectOptions = (projects.data ?? []).map((project) => ({ value: project.id, label: project.name }));
  // A filter on a project that is gone (deleted) still shows its id rather than an empty box.
  if (projectId && !projectOptions.some((option) => option.value === projectId))
    projectOptions.push({ value: projectId, label: projectId });

  return (
    <>
      <Select
        label="Type"
        placeholder="All types"
        data={activityTypeOptions(type ? [...seenTypes, type] : seenTypes)}
        value={type || null}
        onChange={onType}
        searchable
        clearable
        nothingFoundMessage="No such type"
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label="Project"
        placeholder={projects.isPending ? 'Loading projects…' : 'All projects'}
        data={projectOptions}
        value={projectId || null}
        onChange={onProject}
        searchable
        clearable
        nothingFoundMessage="No such project"
        w={{ base: '100%', xs: 240 }}
      />
    </>
  );
}
