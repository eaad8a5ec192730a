import {
  Accordion,
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { get } from '../../api/client';
import type { ApiResult, Project } from '../../api/types';
import { loadDials, saveDials, toDialsConfig, type Dials } from './dials';
import { LaunchError, useLaunch } from './launch';
import { TestDials } from './TestDials';

type AiConfig = ApiResult<'/config'>;

/** The server's limit on the description, attachment included (API.md §4.9). */
const MAX_DESCRIPTION = 50_000;
const MAX_FILE = 40_000;

/** Draft tests from a name and a description, optionally an OpenAPI document (which needs no AI). */
export function GeneratePanel({ project }: { project: Project }) {
  const config = useQuery({ queryKey: ['config'], queryFn: () => get<AiConfig>('/config'), staleTime: 60_000 });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [attachment, setAttachment] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [dials, setDials] = useState<Dials>(loadDials);
  const { launch, busy, error } = useLaunch(project.id);

  const pick = async (picked: File | null) => {
    setFile(picked);
    setAttachment('');
    setFileError(null);
    if (!picked) return;
    if (picked.size > MAX_FILE) {
      setFileError(`The file is ${Math.round(picked.size / 1000)} KB; attachments are limited to 40 KB.`);
      return;
    }
    setAttachment(`--- Attached file: ${picked.name} ---\n${await picked.text()}`);
  };

  const fullDescription = [description.trim(), attachment].filter(Boolean).join('\n\n');
  const tooLong = fullDescription.length > MAX_DESCRIPTION;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Give the tests a name, e.g. “Checkout with a saved card”.');
      return;
    }
    setNameError(null);
    if (tooLong || fileError) return;
    saveDials(dials);
    void launch('/tests/generate', {
      name: name.trim(),
      description: fullDescription,
      dialsConfig: toDialsConfig(dials, false),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={760}>
        <Stack gap={4}>
          <Title order={2} size="h3">
            Generate tests
          </Title>
          <Text size="sm" c="dimmed">
            Describe a feature or a user story; Sentri writes draft tests against {project.url} for you to review.
          </Text>
        </Stack>
        {config.data && !config.data.hasProvider && (
          <Alert color="yellow" title="No AI provider configured">
            <Text size="sm">
              Only an attached OpenAPI document can be turned into tests right now.{' '}
              <Anchor component={Link} to="/settings" size="sm">
                Add an AI provider in Settings
              </Anchor>{' '}
              to generate from a description.
            </Text>
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={200}
          placeholder="Checkout with a saved card"
          value={name}
          error={nameError}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Textarea
          label="Description"
          description="What should be tested: the flow, rules, edge cases, acceptance criteria."
          autosize
          minRows={5}
          maxRows={16}
          value={description}
          error={
            tooLong ? `Description and attachment are ${fullDescription.length} characters; the limit is 50,000.` : null
          }
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <FileInput
          label="OpenAPI document (optional)"
          description="JSON or YAML, up to 40 KB: each operation becomes an API contract test"
          placeholder="Choose a file"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          clearable
          value={file}
          error={fileError}
          onChange={(picked) => void pick(picked)}
        />
        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="dials">
            <Accordion.Control>Test Dials</Accordion.Control>
            <Accordion.Panel>
              <TestDials value={dials} onChange={setDials} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <LaunchError error={error} />
        <Group>
          <Button type="submit" loading={busy}>
            Generate tests
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
