import { Code, List, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { type Inline, parseMarkdown } from './markdown.js';

function Inlines({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'strong' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <strong key={i}>{p.text}</strong>
        ) : p.kind === 'code' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <Code key={i}>{p.text}</Code>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

/** A library sheet rendered from its Markdown as text nodes only (see markdown.ts). */
export function Markdown({ source }: { source: string }) {
  return (
    <div>
      {parseMarkdown(source).map((b, i) => {
        const key = `${b.kind}-${i}`;
        if (b.kind === 'heading')
          return (
            <Title key={key} order={b.level} size={b.level === 2 ? 'h3' : 'h4'} mt="md" mb="xs">
              <Inlines parts={b.inlines} />
            </Title>
          );
        if (b.kind === 'rule') return <hr key={key} />;
        if (b.kind === 'list')
          return (
            <List key={key} type={b.ordered ? 'ordered' : 'unordered'} mb="sm" spacing={4}>
              {b.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items never reorder
                <List.Item key={j}>
                  <Inlines parts={item} />
                </List.Item>
              ))}
            </List>
          );
        return (
          <Text key={key} mb="sm">
            {b.lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines never reorder
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                <Inlines parts={line} />
              </Fragment>
            ))}
          </Text>
        );
      })}
    </div>
  );
}
