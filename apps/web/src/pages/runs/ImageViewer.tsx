import { Anchor, Box, Button, Group, Image, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';

export interface ViewerImage {
  src: string;
  /** What the picture shows, for the alt text and the modal title. */
  title: string;
  caption?: string;
}

/** A large view of one picture of a set, with previous/next when there are several. */
export function ImageModal({
  images,
  index,
  onIndex,
  onClose,
}: {
  images: ViewerImage[];
  index: number | null;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const image = index === null ? undefined : images[index];
  return (
    <Modal opened={image !== undefined} onClose={onClose} title={image?.title} size="min(1200px, 96vw)" centered>
      {image && index !== null && (
        <Stack gap="sm">
          <Image src={image.src} alt={image.title} fit="contain" mah="75vh" />
          {image.caption && (
            <Text size="sm" c="dimmed">
              {image.caption}
            </Text>
          )}
          <Group justify="space-between">
            <Anchor href={image.src} target="_blank" rel="noreferrer" size="sm">
              Open full size
            </Anchor>
            {images.length > 1 && (
              <Group gap="xs">
                <Button variant="default" size="xs" disabled={index === 0} onClick={() => onIndex(index - 1)}>
                  Previous
                </Button>
                <Text size="sm" c="dimmed">
                  {index + 1} / {images.length}
                </Text>
                <Button
                  variant="default"
                  size="xs"
                  disabled={index === images.length - 1}
                  onClick={() => onIndex(index + 1)}
                >
                  Next
                </Button>
              </Group>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** A thumbnail that opens the picture in a modal. */
export function ZoomableImage({ image, height = 140 }: { image: ViewerImage; height?: number }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <UnstyledButton onClick={() => setOpen(0)} aria-label={`Enlarge: ${image.title}`} w="100%">
        <Box style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6, overflow: 'hidden' }}>
          <Image src={image.src} alt={image.title} h={height} fit="contain" bg="var(--mantine-color-default-hover)" />
        </Box>
      </UnstyledButton>
      <ImageModal images={[image]} index={open} onIndex={setOpen} onClose={() => setOpen(null)} />
    </>
  );
}
