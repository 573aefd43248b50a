import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled group of figures; each figure is a label and a number a screen reader reads together. */
export function FigureGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title id={id} order={2} size="h4" mb="xs">
        {title}
      </Title>
      <SimpleGrid cols={2} spacing="xs">
        {children}
      </SimpleGrid>
    </Card>
  );
}

export function Figure({ label, value, alert = false }: { label: string; value: number; alert?: boolean }) {
  return (
    <div>
      <Text fz="xl" fw={700} {...(alert && value > 0 ? { c: 'red.9' } : {})}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}
